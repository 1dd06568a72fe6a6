package org.techschools.quota.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV as offices open it in a spreadsheet: comma-separated, CRLF, fields quoted when they need it. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    /** Lets spreadsheet programs read the Chinese names as UTF-8. */
    static final String BOM = "\uFEFF";

    private Csv() {
    }

    static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
