package org.techschools.commons.identity;

import java.time.YearMonth;
import java.util.List;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/**
 * Whether free text holds something shaped like a 居民身份证号码. A school system that uses the ID number as its
 * record id, or a clerk who pastes it into a name or a note, would otherwise spread it to topics, URLs, logs and
 * error messages; such values are refused with the rule {@link #RULE} instead.
 * <p>
 * Digits are read as school systems type them: full-width (０-９) or any other Unicode decimal digits, a lower-case or
 * full-width x, and spaces or invisible format characters between the digits ("110105 19491231 002x"). A run of
 * digits is ID-shaped when it is exactly 17 digits and a digit or X, or exactly 15 digits (一代证). Where that would
 * refuse ordinary record ids, a stretch counts only when it is plausible — a calendar birth date of 1900-2099 and, for
 * 18 characters, the right check character: inside a longer run (timestamps, serials), and next to a letter a-f (a
 * hexadecimal id, where 15 digits in a row are common). Hyphens end a run: a UUID never holds more than 12 digits.
 */
public final class IdNumberShape {

    /** The rule code every refusal names. */
    public static final String RULE = "no-id-number";

    private static final int LENGTH = 18;
    private static final int OLD_LENGTH = 15;

    private IdNumberShape() {
    }

    /** Whether {@code text} holds an ID-number shape anywhere (null holds none). */
    public static boolean foundIn(String text) {
        if (text == null) {
            return false;
        }
        StringBuilder run = new StringBuilder();
        boolean hexBefore = false;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (digit >= 0) {
                if (run.isEmpty()) {
                    hexBefore = isHexLetter(previous);
                }
                run.append((char) ('0' + digit));
            } else if (isX(cp) && !run.isEmpty()) {
                run.append('X'); // the check character ends a run
                if (shaped(run, hexBefore || (i < text.length() && isHexLetter(text.codePointAt(i))))) {
                    return true;
                }
                run.setLength(0);
            } else if (!(isSeparator(cp) && !run.isEmpty())) {
                if (shaped(run, hexBefore || isHexLetter(cp))) {
                    return true;
                }
                run.setLength(0);
            }
            previous = cp;
        }
        return shaped(run, hexBefore);
    }

    /** The error naming {@code field} and {@link #RULE}, never the value. */
    public static FieldError error(String field) {
        return new FieldError(field, RULE, field + " must not contain an ID number (居民身份证号码)");
    }

    /** Answers 422 naming {@code field} when {@code value} holds an ID-number shape. */
    public static void refuse(String field, String value) {
        if (foundIn(value)) {
            throw ProblemException.unprocessable(List.of(error(field)));
        }
    }

    private static boolean isX(int cp) {
        return cp == 'X' || cp == 'x' || cp == 'Ｘ' || cp == 'ｘ';
    }

    private static boolean isHexLetter(int cp) {
        return (cp >= 'a' && cp <= 'f') || (cp >= 'A' && cp <= 'F');
    }

    /** What school systems put between digit groups: spaces of any kind and invisible (zero-width) characters. */
    static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * @param run      digits, possibly ending in X
     * @param strictly next to a hexadecimal letter: only a plausible ID counts
     */
    private static boolean shaped(CharSequence run, boolean strictly) {
        int n = run.length();
        boolean endsInX = n > 0 && run.charAt(n - 1) == 'X';
        if (n == OLD_LENGTH && !endsInX) {
            return !strictly || plausibleOld(run);
        }
        if (n == LENGTH && !strictly) {
            return true;
        }
        for (int start = 0; start + LENGTH <= n; start++) {
            if (plausible(run, start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 18 characters from {@code start}: right check character and a birth date of 1900-2099 (arithmetic: a long run has
     * as many stretches as digits, too many to parse a date from each). Only the last character of a run may be X.
     */
    private static boolean plausible(CharSequence run, int start) {
        if (ResidentIdNumber.checkCharacter(run.subSequence(start, start + LENGTH - 1).toString()) != run.charAt(start + LENGTH - 1)) {
            return false;
        }
        return calendarDate(number(run, start + 6, 4), number(run, start + 10, 2), number(run, start + 12, 2));
    }

    /** 15 digits of an old ID: its birth date (19YYMMDD) at positions 6-11; it has no check character. */
    private static boolean plausibleOld(CharSequence run) {
        return calendarDate(1900 + number(run, 6, 2), number(run, 8, 2), number(run, 10, 2));
    }

    private static boolean calendarDate(int year, int month, int day) {
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static int number(CharSequence run, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (run.charAt(i) - '0');
        }
        return value;
    }
}
