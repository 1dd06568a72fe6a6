package org.techschools.commons.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.techschools.commons.domain.Gender;

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd for men),
 * and an ISO 7064 MOD 11-2 check character.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARS = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ResidentIdNumber() {
    }

    public static boolean hasValidFormat(String id) {
        return id != null && id.matches("\\d{17}[0-9X]");
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** False for anything that has not the format: no caller can get an exception from a short or odd value. */
    public static boolean hasValidCheckDigit(String id) {
        return hasValidFormat(id) && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }

    public static String regionPrefix(String id) {
        return id.substring(0, 6);
    }

    /** The embedded birth date, or null when it is no calendar date. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.parse(id.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Gender gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }
}
