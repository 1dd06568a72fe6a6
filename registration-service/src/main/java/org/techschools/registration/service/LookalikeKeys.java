package org.techschools.registration.service;

import java.time.LocalDate;
import java.util.Arrays;

import org.techschools.commons.domain.Gender;

/**
 * The lookalike keys of a 学籍 (疑似重复学籍的比对键): its block (birth date and gender) in the high 32 bits, one sound key
 * of its name ({@link NameSimilarity#soundKeys}) in the low. Two people of one block whose names are alike always share
 * one, so the fuzzy check looks up only the 学籍 holding one of its keys (registration.lookalike_keys, GIN-indexed), and
 * {@link LookalikeBlockLocks} locks the same keys.
 */
public final class LookalikeKeys {

    private LookalikeKeys() {
    }

    /** One key per sound key of the name: most names have one, a name starting with 多音字 a few. */
    public static long[] of(NameSimilarity names, LocalDate birthDate, Gender gender, String name) {
        long block = Math.toIntExact(birthDate.toEpochDay() * Gender.values().length + gender.ordinal());
        return Arrays.stream(names.soundKeys(name)).mapToLong(sound -> block << 32 | (sound & 0xFFFFFFFFL)).toArray();
    }
}
