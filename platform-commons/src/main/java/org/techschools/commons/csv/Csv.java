package org.techschools.commons.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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

    /**
     * One record of a CSV text: the line it starts on (the first line is 1; a quoted value may run over several) and its
     * cells, or null cells when the record is not CSV ({@link #NOT_CSV}).
     */
    public record Record(int line, List<String> cells) {

        public boolean isCsv() {
            return cells != null;
        }

        /** A line holding nothing but spaces; spreadsheets leave such lines, importers skip them. */
        public boolean isBlank() {
            return cells != null && cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    /** Every record of a CSV text ({@link #records(Reader)}). */
    public static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        records(new StringReader(text)).forEachRemaining(records::add);
        return records;
    }

    /**
     * The records of a CSV text, read one at a time so an import of any size holds one record at once. A record that
     * is not CSV (a quote never closed, text after a closing quote) comes without cells, and reading goes on with the
     * line after its first: one stray quote costs one line, not the rest of the file. A byte-order mark at the start of
     * a record is dropped (exports pasted together keep theirs).
     *
     * @throws UncheckedIOException from {@link Iterator#hasNext()} when {@code in} fails
     */
    public static Iterator<Record> records(Reader in) {
        return new RecordReader(in);
    }

    /**
     * Finds where each record ends (a line break outside quotes) and leaves its cells to the parser of {@link #cells},
     * so the records read here are the rows {@link #rows} reads.
     */
    private static final class RecordReader implements Iterator<Record> {

        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_SEEN = 3;

        private final Reader in;
        /** Text read but not yet used: the lines after the first of a record that was not CSV. */
        private String again = "";
        private int againAt;
        private int line = 1;
        /** The last record ended with CR: a LF right after it belongs to that line break. */
        private boolean skipLf;
        private Record next;
        private boolean done;

        RecordReader(Reader in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = scan();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = next;
            next = null;
            return record;
        }

        private int read() throws IOException {
            return againAt < again.length() ? again.charAt(againAt++) : in.read();
        }

        private Record scan() throws IOException {
            int c = read();
            if (skipLf && c == '\n') {
                c = read();
            }
            skipLf = false;
            if (c == '\uFEFF') {
                c = read();
            }
            if (c == -1) {
                return null;
            }
            int start = line;
            StringBuilder text = new StringBuilder();
            int secondLine = -1;
            String lineBreak = "";
            int state = FIELD_START;
            while (c != -1) {
                if (c == '\r' || c == '\n') {
                    line++;
                    if (state != QUOTED) {
                        skipLf = c == '\r';
                        lineBreak = String.valueOf((char) c);
                        break;
                    }
                    text.append((char) c);
                    int after = read();
                    if (c == '\r' && after == '\n') {
                        text.append('\n');
                        after = read();
                    }
                    if (secondLine < 0) {
                        secondLine = text.length();
                    }
                    c = after;
                    continue;
                }
                text.append((char) c);
                state = switch (state) {
                    case QUOTED -> c == '"' ? QUOTE_SEEN : QUOTED;
                    case UNQUOTED -> c == ',' ? FIELD_START : UNQUOTED;
                    case FIELD_START -> c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
                    default -> c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED; // after a closing quote
                };
                c = read();
            }
            List<String> cells = cellsOf(text.toString());
            if (cells == null && secondLine >= 0) {
                again = text.substring(secondLine) + lineBreak + again.substring(againAt);
                againAt = 0;
                line = start + 1;
                skipLf = false;
            }
            return new Record(start, cells);
        }

        /** The cells of one record's text, or null when it is not CSV. */
        private static List<String> cellsOf(String text) {
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
                List<CSVRecord> records = parser.getRecords();
                return records.size() > 1 ? null : records.isEmpty() ? List.of("") : records.get(0).toList();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                return null;
            }
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
