package org.techschools.registration.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.persistence.PlainSql;

/**
 * The fuzzy PROBABLE_DUPLICATE check's SQL: the other 在籍 学籍 sharing a lookalike key with a 学籍, the plan that lookup
 * runs on, and the transaction-scoped advisory locks on lookalike keys that keep two look-alike people checked at
 * once from missing each other.
 */
public final class LookalikeLookups {

    private LookalikeLookups() {
    }

    /** What the fuzzy check compares of another 学籍: its name, and who it is when the names are alike. */
    public record Lookalike(UUID enrollmentId, String name) {
    }

    /**
     * Other people's 在籍 学籍 sharing a lookalike key with this one — born the same day, same gender (the blocking key
     * of the fuzzy PROBABLE_DUPLICATE check), a name that sounds alike at its start: only they can be alike. Only the
     * compared columns are read: a block holds hundreds of 学籍, a key a handful.
     *
     * @param lookalikeKeys the checked 学籍's keys, computed now rather than read from the entity, which may be a row
     *                      stored before the column existed; those rows are read by block (second half)
     */
    public static List<Lookalike> activeOf(Registration registration, long[] lookalikeKeys) {
        // The status as a literal: the partial indexes serve only statements that say ACTIVE themselves.
        return PlainSql.list("SELECT enrollment_id, name FROM registration"
                + " WHERE lookalike_keys && ? AND person_key <> ? AND status = 'ACTIVE'"
                + " UNION ALL SELECT enrollment_id, name FROM registration WHERE birth_date = ? AND gender = ? AND person_key <> ?"
                + " AND status = 'ACTIVE' AND lookalike_keys IS NULL",
                row -> new Lookalike(row.getObject(1, UUID.class), row.getString(2)),
                lookalikeKeys, registration.personKey, registration.birthDate, registration.gender.name(), registration.personKey);
    }

    /**
     * For the rest of the transaction, {@link #activeOf} runs on its generic plan: its plan is the same for
     * every key, but PostgreSQL misjudges a bound key array and planned it again on every call, at several times the
     * lookup's own cost. Holds for the transaction's other statements too
     * (docs/decisions/0002-generic-plan-for-lookalike-lookups.md; the services' connections never JIT-compile, which
     * that plan's growing cost estimate would otherwise make every lookup do on a registry of millions).
     */
    public static void planOnce() {
        PlainSql.update("SET LOCAL plan_cache_mode = force_generic_plan");
    }

    /**
     * Transaction-scoped advisory locks on lookalike keys (see {@code LookalikeBlockLocks}: the block in the high
     * 32 bits, a sound of the name in the low), in the two-int form no other lock of this database uses, taken in key
     * order in one statement so that two transactions locking several keys cannot deadlock on them.
     */
    public static void lock(Collection<Long> keys) {
        long[] sorted = keys.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        Integer[] blocks = new Integer[sorted.length];
        Integer[] sounds = new Integer[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            blocks[i] = (int) (sorted[i] >> 32);
            sounds[i] = (int) sorted[i];
        }
        PlainSql.list("SELECT count(pg_advisory_xact_lock(k.block, k.sound)) FROM unnest(?::int4[], ?::int4[]) AS k (block, sound)",
                row -> row.getLong(1), blocks, sounds);
    }
}
