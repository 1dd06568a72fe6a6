package org.techschools.registration.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.transaction.TransactionScoped;

import org.techschools.commons.domain.Gender;
import org.techschools.registration.domain.Registration;

/**
 * The lookalike blocks (birth date and gender: the blocking key of PROBABLE_DUPLICATE) this transaction has locked.
 * enrollment-events is consumed by several consumers at once, and one person's events share a partition, but two
 * different people who look alike may be checked in two transactions at the same time: each would miss the other's
 * uncommitted 学籍 and neither would raise the alert. A transaction-scoped lock on the block makes the second wait
 * for the first to commit, after which its lookup sees the first. A consumed batch locks all its blocks up front in
 * one sorted statement, so two batches cannot deadlock on them; a lock already held is not asked for again.
 */
@TransactionScoped
public class LookalikeBlockLocks {

    private final Set<Integer> held = new HashSet<>();

    /** Locks the blocks of these people (birth date and gender each) that this transaction does not hold yet. */
    public void lock(Collection<Block> blocks) {
        Set<Integer> wanted = new HashSet<>();
        for (Block block : blocks) {
            int key = block.key();
            if (!held.contains(key)) {
                wanted.add(key);
            }
        }
        if (!wanted.isEmpty()) {
            Registration.lockLookalikeBlocks(wanted);
            held.addAll(wanted);
        }
    }

    /** A PROBABLE_DUPLICATE block. */
    public record Block(LocalDate birthDate, Gender gender) {

        /** Distinct per block: the day number and the gender in one int (dates up to the year 2^29 / 365 / 2). */
        int key() {
            return Math.toIntExact(birthDate.toEpochDay() * Gender.values().length + gender.ordinal());
        }
    }
}
