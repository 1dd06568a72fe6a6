package org.techschools.commons.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as offices open it in a spreadsheet (RFC 4180 through Apache Commons CSV): every export and every import of
 * the platform reads and writes lines here, so quoting and the formula guard are the same everywhere.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    /** Lets spreadsheet programs read Chinese names as UTF-8; written first, skipped when read. */
    public static final String BOM = "\uFEFF";

    /** Why a text is not CSV; importers answer it as a client error, naming the line, never its content. */
    public static final String NOT_CSV = "a quoted value is not closed, or text follows its closing quote";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    /** One CRLF-terminated line; a text starting with =, +, - or @ is defused so a spreadsheet never runs it. */
    public static String line(Object... values) {
        return line(Arrays.asList(values));
    }

    public static String line(List<?> values) {
        return FORMAT.format(values.stream().map(Csv::defused).toArray()) + "\r\n";
    }

    /**
     * The cells of one line (quoted cells may hold commas and doubled quotes; a leading byte-order mark is dropped).
     *
     * @throws IllegalArgumentException when the line is not CSV ({@link #NOT_CSV})
     */
    public static List<String> cells(String line) {
        String text = line.startsWith(BOM) ? line.substring(1) : line;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(NOT_CSV, e);
        }
    }

    /**
     * Every row of a CSV text, as a spreadsheet saved it (quoted values may hold commas, quotes and line breaks).
     *
     * @throws IllegalArgumentException when the text is not CSV ({@link #NOT_CSV})
     */
    public static List<List<String>> rows(String text) {
        String body = text.startsWith(BOM) ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(FORMAT).get()) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(NOT_CSV, e);
        }
    }

    private static Object defused(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + text;
        }
        return text;
    }
}
