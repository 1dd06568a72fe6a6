package org.techschools.testinfra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a reader can tell of an ID number from everything shown beside it in one record, response, CSV row, alert or
 * event: the masked ID, the birth date, the gender, region codes and any other text. The platform's rule: for every
 * reader but the school that submitted the record, at least {@link #REQUIRED_UNKNOWN} of the first 17 digits stay
 * unknown (about 1,000 candidate ID numbers or more; the 18th is a check digit computed from the 17).
 * <p>
 * It counts conservatively: the gender counts as knowing the 17th digit (it fixes its parity), and any run of six or
 * more digits found in the ID at some position counts as those digits known.
 */
public final class IdNumberExposure {

    public static final int REQUIRED_UNKNOWN = 4;

    private static final int CHECKED = 17;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,}");

    private IdNumberExposure() {
    }

    /** How many of the first 17 digits of {@code idNumber} none of the shown values pins down. */
    public static int unknownDigits(String idNumber, Collection<String> shown) {
        String id = idNumber.toUpperCase(Locale.ROOT);
        boolean[] known = new boolean[CHECKED];
        String birthDate = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
        for (String raw : shown) {
            if (raw == null) {
                continue;
            }
            String value = raw.trim().toUpperCase(Locale.ROOT);
            if (value.length() == id.length() && value.indexOf('*') >= 0) {
                for (int i = 0; i < CHECKED; i++) {
                    known[i] |= value.charAt(i) == id.charAt(i);
                }
            }
            if (value.startsWith(birthDate)) {
                markKnown(known, 6, 14);
            } else if (value.equals(birthDate.substring(0, 7))) {
                markKnown(known, 6, 12);
            } else if (value.equals(birthDate.substring(0, 4))) {
                markKnown(known, 6, 10);
            }
            if (value.equals("MALE") || value.equals("FEMALE") || value.equals("男") || value.equals("女")) {
                known[16] = true;
            }
            String region = regionPrefix(value);
            if (region != null && id.startsWith(region)) {
                markKnown(known, 0, region.length());
            }
            Matcher runs = DIGIT_RUN.matcher(value);
            while (runs.find()) {
                String run = runs.group();
                for (int at = id.indexOf(run); at >= 0; at = id.indexOf(run, at + 1)) {
                    markKnown(known, at, Math.min(CHECKED, at + run.length()));
                }
            }
        }
        int unknown = 0;
        for (boolean k : known) {
            unknown += k ? 0 : 1;
        }
        return unknown;
    }

    /** Every scalar (text, number, boolean) anywhere in the JSON, as text. */
    public static List<String> shownValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        collect(node, values);
        return values;
    }

    /** Fails unless the shown values leave enough of the ID unknown; the message names the reader, never the ID. */
    public static void assertHidden(String idNumber, Collection<String> shown, String reader) {
        int unknown = unknownDigits(idNumber, shown);
        if (unknown < REQUIRED_UNKNOWN) {
            throw new AssertionError(reader + " can pin down all but " + unknown + " of the first 17 digits of an ID number"
                    + " (the rule leaves at least " + REQUIRED_UNKNOWN + " unknown)");
        }
    }

    public static void assertHidden(String idNumber, JsonNode shown, String reader) {
        assertHidden(idNumber, shownValues(shown), reader);
    }

    /** A GB/T 2260 code as the ID prefix it tells: 330102 the county, 330100 only the city, 330000 only the province. */
    private static String regionPrefix(String value) {
        if (!value.matches("\\d{6}")) {
            return null;
        }
        String prefix = value;
        while (prefix.endsWith("00") && prefix.length() > 2) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    private static void markKnown(boolean[] known, int from, int to) {
        for (int i = from; i < to; i++) {
            known[i] = true;
        }
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, values));
        } else {
            values.add(node.asText());
        }
    }
}
