package org.techschools.registration.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A certificate number (证书编号): {@code SCHOOL-YEAR-RANDOM CHECK}, e.g. {@code S3301-2028-7KXQ4MZ9TD42}. The school
 * code and graduation year make it readable; ten random characters (50 bits from a SecureRandom) make it impossible to
 * guess from another certificate of the same school and year; two check digits (ISO 7064 MOD 97-10, as IBANs use)
 * catch a mistyped character before anyone is told the certificate is not genuine.
 */
public final class CertificateNumber {

    /** No 0/O or 1/I: the number is read off paper and typed in. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int RANDOM_LENGTH = 10;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,32}-[0-9]{4}-[" + ALPHABET + "]{" + RANDOM_LENGTH + "}[0-9]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumber() {
    }

    public static String next(String schoolCode, int year) {
        StringBuilder number = new StringBuilder(schoolCode).append('-').append(year).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        int check = 98 - mod97(number + "00");
        return number.append(check < 10 ? "0" : "").append(check).toString();
    }

    /** Shaped as {@link #next} makes them and with matching check digits. */
    public static boolean isWellFormed(String number) {
        return number != null && SHAPE.matcher(number).matches() && mod97(number) == 1;
    }

    /** The number's letters and digits read as one decimal number (A=10 … Z=35, dashes skipped), modulo 97. */
    private static int mod97(String number) {
        int rest = 0;
        for (int i = 0; i < number.length(); i++) {
            int value = Character.digit(number.charAt(i), 36);
            if (value < 0) {
                continue;
            }
            rest = (value < 10 ? rest * 10 + value : rest * 100 + value) % 97;
        }
        return rest;
    }
}
