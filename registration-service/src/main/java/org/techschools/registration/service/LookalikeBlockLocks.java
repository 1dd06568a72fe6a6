package org.techschools.registration.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

import org.techschools.commons.domain.Gender;
import org.techschools.registration.domain.LookalikeLookups;

/**
 * The lookalike locks this transaction holds. enrollment-events is consumed by several consumers at once, and one
 * person's events share a partition, but two different people who look alike (PROBABLE_DUPLICATE) may be checked in
 * two transactions at the same time: each would miss the other's uncommitted 学籍 and neither would raise the alert.
 * A transaction-scoped lock makes the second wait for the first to commit, after which its lookup sees the first.
 * <p>
 * The lock is finer than the check's block (birth date and gender): it is per {@link LookalikeKeys lookalike key}
 * (block and fuzzy readings of the name's first two characters) — a whole block, hundreds of 学籍 born the same few
 * years, made the consumers wait for each other most of the time, and per block and surname sound they still waited
 * a third of the time. A consumed batch locks all of its keys up front in one sorted statement, so two batches cannot
 * deadlock on them; a lock already held is not asked for again. Every check takes the rosters' shared lock first
 * (see {@code domain/Rosters}), so a roster replacement waiting for it closes no cycle with these.
 */
@TransactionScoped
public class LookalikeBlockLocks {

    @Inject
    NameSimilarity names;

    private final Set<Long> held = new HashSet<>();

    /** Locks the lookalike keys of these people (a consumed batch, up front). */
    public void lock(Collection<Person> people) {
        lock(people.stream().flatMapToLong(person -> LongStream.of(
                LookalikeKeys.of(names, person.birthDate(), person.gender(), person.name()))));
    }

    /** Locks those of these lookalike keys that this transaction does not hold yet. */
    public void lock(LongStream keys) {
        Set<Long> wanted = keys.filter(key -> !held.contains(key)).boxed().collect(Collectors.toSet());
        if (!wanted.isEmpty()) {
            LookalikeLookups.lock(wanted);
            held.addAll(wanted);
        }
    }

    /** Who is checked: the block (birth date, gender) and the name. */
    public record Person(LocalDate birthDate, Gender gender, String name) {
    }
}
