package org.techschools.enrollment.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.techschools.commons.io.CountingInputStream;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/**
 * Reads the first sheet of an XLSX workbook as a stream of rows, with every cap checked while the bytes are read:
 * nothing is unpacked beyond {@link Limits#maxUnpackedBytes()} or a ratio of {@link Limits#maxInflateRatio()}, no cell
 * beyond column {@link Limits#maxColumns()} and no text longer than {@link Limits#maxCellChars()} is kept, and a
 * row exists only while its handler runs. POI's user model, by contrast, builds every row and cell of the sheet in
 * memory first — a 104 KB file with one cell in column XFD on 20,000 rows took the service into an OutOfMemoryError.
 * <p>
 * The parts are read with plain SAX (no DTDs, no entities) from the ZIP held in memory; only the ZIP entries the first
 * sheet needs are opened: the package and workbook relationships, the workbook, its shared strings and its styles
 * (for which number formats are dates). Answers: 400 {@code unreadable-file}, 413 {@code unpacked-size} /
 * {@code compression-ratio}, 422 {@code column-limit} / {@code cell-size} — always field {@code file}, never a cell's value.
 */
public final class XlsxSheetReader {

    /**
     * @param maxColumns       a cell with a value at this 0-based column index or beyond refuses the file (64 = columns A-BL)
     * @param maxCellChars     longer cell texts refuse the file
     * @param maxSharedStrings more distinct texts than this refuse the file (each is kept while the sheet is read)
     * @param maxUnpackedBytes the parts read may unpack to this many bytes in total
     * @param maxInflateRatio  a part that unpacks to more than this many times its packed size (after the first MiB) is a ZIP bomb
     */
    public record Limits(int maxColumns, int maxCellChars, int maxSharedStrings, long maxUnpackedBytes, int maxInflateRatio) {

        /** 422 for a cell holding a value beyond the last column read. */
        public ProblemException columnLimit(int rowNumber, int column) {
            return ProblemException.unprocessable(List.of(new FieldError("file", "column-limit", "row " + rowNumber + ", column "
                    + columnName(column) + ": a sheet has at most " + maxColumns + " columns (A-" + columnName(maxColumns - 1) + ")")));
        }

        /** 422 for a cell whose text is too long; {@code where} says which cell ("row 7, column C") without its value. */
        public ProblemException cellSize(String where) {
            return ProblemException.unprocessable(List.of(new FieldError("file", "cell-size",
                    where + ": a cell holds at most " + maxCellChars + " characters")));
        }
    }

    /** A cell as read: its text, and whether the sheet held it as a number (not a date). */
    public record Cell(String text, boolean number) {

        public static Cell text(String text) {
            return new Cell(text, false);
        }

        public boolean blank() {
            return text == null || text.isBlank();
        }
    }

    /** Receives each row of the sheet in document order, with its 1-based sheet row number; cells are null where empty. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, List<Cell> cells);
    }

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Excel's own maximum of cell formats; formats beyond it are not read (their numbers are not shown as dates). */
    private static final int MAX_STYLES = 64_000;
    /** Inflating this much of a part is never refused for its ratio: small parts compress very well. */
    private static final long RATIO_GRACE_BYTES = 1 << 20;

    private final Limits limits;
    private final ZipFile zip;
    private long unpacked;

    private XlsxSheetReader(Limits limits, ZipFile zip) {
        this.limits = limits;
        this.zip = zip;
    }

    /** Streams the first sheet's rows to {@code handler}; a {@link ProblemException} the handler throws ends the reading. */
    public static void read(byte[] content, Limits limits, RowHandler handler) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            new XlsxSheetReader(limits, zip).readFirstSheet(handler);
        } catch (IOException | SAXException | RuntimeException e) {
            ProblemException problem = problemIn(e);
            if (problem != null) {
                throw problem;
            }
            // A broken or foreign ZIP (.xls renamed, .ods, encrypted, truncated) fails in assorted ways.
            throw unreadable();
        }
    }

    private void readFirstSheet(RowHandler handler) throws IOException, SAXException {
        String workbookPath = resolve("", relationships("_rels/.rels").byType("/officeDocument", "xl/workbook.xml"));
        WorkbookHandler workbook = parse(workbookPath, new WorkbookHandler(), true);
        if (workbook.firstSheetRelation == null) {
            throw unreadable();
        }
        String directory = workbookPath.contains("/") ? workbookPath.substring(0, workbookPath.lastIndexOf('/') + 1) : "";
        Relationships rels = relationships(directory + "_rels/" + workbookPath.substring(directory.length()) + ".rels");
        String sheetTarget = rels.byId.get(workbook.firstSheetRelation);
        if (sheetTarget == null) {
            throw unreadable();
        }
        String stylesTarget = rels.byType("/styles", null);
        BitSet dateStyles = stylesTarget == null ? new BitSet() : parse(resolve(directory, stylesTarget), new StylesHandler(), false).dates();
        String stringsTarget = rels.byType("/sharedStrings", null);
        List<String> strings = stringsTarget == null ? List.of()
                : parse(resolve(directory, stringsTarget), new SharedStringsHandler(), false).strings;
        parse(resolve(directory, sheetTarget), new SheetHandler(handler, strings, dateStyles, workbook.date1904), true);
    }

    private Relationships relationships(String path) throws IOException, SAXException {
        return parse(path, new Relationships(), true);
    }

    /** Targets are relative to the part's directory unless they start with a slash. */
    private static String resolve(String directory, String target) {
        String path = target.startsWith("/") ? target.substring(1) : directory + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private <H extends DefaultHandler> H parse(String path, H handler, boolean required) throws IOException, SAXException {
        ZipArchiveEntry entry = zip.getEntry(path);
        if (entry == null) {
            if (required) {
                throw unreadable();
            }
            return handler;
        }
        // Excel and every other writer deflate or store; other methods (bzip2, implode, …) are only good for bombs.
        if ((entry.getMethod() != ZipEntry.DEFLATED && entry.getMethod() != ZipEntry.STORED) || !zip.canReadEntryData(entry)) {
            throw unreadable();
        }
        try (InputStream in = new Capped(zip.getInputStream(entry))) {
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler); // throws on fatal errors instead of printing them
            reader.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured", e);
        }
        return handler;
    }

    private static final SAXParserFactory PARSERS = parsers();

    private static SAXParserFactory parsers() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE at all: no entity expansion (billion laughs) and no external entity (XXE).
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured", e);
        }
    }

    /**
     * Counts what a part unpacks to and refuses the file the moment a cap is passed; the ratio is that of the bytes
     * unpacked so far to the packed bytes consumed so far, so a bomb is caught after its first MiB.
     */
    private final class Capped extends CountingInputStream {

        private final InputStreamStatistics statistics;

        Capped(InputStream in) {
            super(in);
            this.statistics = in instanceof InputStreamStatistics s ? s : null;
        }

        @Override
        protected void counted(long added, long read) {
            unpacked += added;
            if (unpacked > limits.maxUnpackedBytes()) {
                throw new ProblemException(413, "Payload too large", "the workbook unpacks to more than " + limits.maxUnpackedBytes()
                        + " bytes", List.of(new FieldError("file", "unpacked-size", "the workbook unpacks to at most "
                                + limits.maxUnpackedBytes() + " bytes")));
            }
            if (read > RATIO_GRACE_BYTES && statistics != null && read > Math.max(statistics.getCompressedCount(), 1) * limits.maxInflateRatio()) {
                throw new ProblemException(413, "Payload too large", "a part of the workbook unpacks to more than "
                        + limits.maxInflateRatio() + " times its packed size", List.of(new FieldError("file", "compression-ratio",
                                "a part of the workbook unpacks to at most " + limits.maxInflateRatio() + " times its packed size")));
            }
        }
    }

    /** A package's relationships: target by id, and the first target of each type. */
    private static final class Relationships extends DefaultHandler {

        final Map<String, String> byId = new HashMap<>();
        final Map<String, String> byType = new HashMap<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("Relationship") && attributes.getValue("Target") != null) {
                String id = attributes.getValue("Id");
                if (id != null) {
                    byId.putIfAbsent(id, attributes.getValue("Target"));
                }
                String type = attributes.getValue("Type");
                if (type != null) {
                    byType.putIfAbsent(type.substring(type.lastIndexOf('/')), attributes.getValue("Target"));
                }
            }
        }

        /** @param suffix the last segment of the relationship type, e.g. {@code /styles} */
        String byType(String suffix, String otherwise) {
            return byType.getOrDefault(suffix, otherwise);
        }
    }

    /** The workbook: the relationship id of its first sheet and its date system. */
    private static final class WorkbookHandler extends DefaultHandler {

        String firstSheetRelation;
        boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("sheet") && firstSheetRelation == null) {
                firstSheetRelation = attributes.getValue(RELATIONSHIPS, "id");
            } else if (localName.equals("workbookPr")) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            }
        }
    }

    /** Which cell formats (index into cellXfs) show a number as a date. */
    private final class StylesHandler extends DefaultHandler {

        private final Map<Integer, String> customFormats = new HashMap<>();
        private final List<Integer> cellFormats = new ArrayList<>();
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "numFmt" -> {
                    Integer id = integer(attributes.getValue("numFmtId"));
                    if (id != null && customFormats.size() < MAX_STYLES) {
                        customFormats.put(id, truncated(attributes.getValue("formatCode")));
                    }
                }
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs && cellFormats.size() < MAX_STYLES) {
                        Integer id = integer(attributes.getValue("numFmtId"));
                        cellFormats.add(id == null ? 0 : id);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        BitSet dates() {
            BitSet dates = new BitSet();
            for (int i = 0; i < cellFormats.size(); i++) {
                int id = cellFormats.get(i);
                String format = customFormats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
                if (format != null && DateUtil.isADateFormat(id, format)) {
                    dates.set(i);
                }
            }
            return dates;
        }

        private String truncated(String format) {
            return format == null || format.length() <= limits.maxCellChars() ? format : format.substring(0, limits.maxCellChars());
        }
    }

    /** Text of each {@code si}: its {@code t} elements, without phonetic runs (rPh). */
    private final class SharedStringsHandler extends DefaultHandler {

        final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    if (strings.size() == limits.maxSharedStrings()) {
                        throw ProblemException.unprocessable(List.of(new FieldError("file", "text-limit",
                                "a workbook holds at most " + limits.maxSharedStrings() + " distinct texts")));
                    }
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                if (text.length() + length > limits.maxCellChars()) {
                    throw limits.cellSize("shared text " + (strings.size() + 1));
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> strings.add(decoded(text.toString()));
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }
    }

    /** The rows of the sheet, one at a time. */
    private final class SheetHandler extends DefaultHandler {

        private final RowHandler handler;
        private final List<String> strings;
        private final BitSet dateStyles;
        private final boolean date1904;
        private final StringBuilder value = new StringBuilder();

        private int rowNumber;
        private List<Cell> cells;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private int phonetic;

        SheetHandler(RowHandler handler, List<String> strings, BitSet dateStyles, boolean date1904) {
            this.handler = handler;
            this.strings = strings;
            this.dateStyles = dateStyles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    Integer r = integer(attributes.getValue("r"));
                    rowNumber = r == null || r < 1 ? rowNumber + 1 : r;
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    if (cells == null) {
                        return;
                    }
                    int referenced = columnOf(attributes.getValue("r"));
                    column = referenced < 0 ? column + 1 : referenced;
                    type = attributes.getValue("t");
                    Integer s = integer(attributes.getValue("s"));
                    style = s == null ? 0 : s;
                    value.setLength(0);
                }
                case "v" -> inValue = cells != null;
                case "rPh" -> phonetic++;
                case "t" -> inValue = cells != null && phonetic == 0 && "inlineStr".equals(type);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inValue) {
                return;
            }
            // Refused before the text is kept: a value beyond the last column, or longer than a cell may be.
            if (column >= limits.maxColumns()) {
                throw limits.columnLimit(rowNumber, column);
            }
            if (value.length() + length > limits.maxCellChars()) {
                throw limits.cellSize("row " + rowNumber + ", column " + columnName(column));
            }
            value.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> phonetic--;
                case "c" -> {
                    if (cells != null && column < limits.maxColumns() && !value.isEmpty()) {
                        while (cells.size() <= column) {
                            cells.add(null);
                        }
                        cells.set(column, cell(value.toString()));
                    }
                }
                case "row" -> {
                    if (cells != null) {
                        handler.row(rowNumber, cells);
                        cells = null;
                    }
                }
                default -> {
                }
            }
        }

        private Cell cell(String raw) {
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    Integer index = integer(raw.strip());
                    if (index == null || index < 0 || index >= strings.size()) {
                        throw unreadable();
                    }
                    return Cell.text(strings.get(index));
                }
                case "b" -> {
                    return Cell.text("1".equals(raw.strip()) ? "TRUE" : "FALSE");
                }
                case "n" -> {
                    return number(raw);
                }
                case "inlineStr", "str" -> {
                    return Cell.text(decoded(raw)); // str: the text a formula gave
                }
                default -> {
                    return Cell.text(raw); // e (#N/A, …), d (ISO date text)
                }
            }
        }

        private Cell number(String raw) {
            double number;
            try {
                number = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return Cell.text(raw);
            }
            if (dateStyles.get(style) && DateUtil.isValidExcelDate(number)) {
                return Cell.text(DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString());
            }
            // Plain digits, not the cell's display format: 2026 stays 2026 and no grouping separator creeps in.
            return new Cell(number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                    : Double.toString(number), true);
        }
    }

    /** 0-based column of a cell reference such as {@code AB12}; -1 when there is none; huge for more than 3 letters. */
    private static int columnOf(String reference) {
        if (reference == null) {
            return -1;
        }
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                return Integer.MAX_VALUE;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return letters == 0 ? -1 : column - 1;
    }

    /** The spreadsheet's name of a 0-based column: 0 → A, 63 → BL, 16383 → XFD. */
    public static String columnName(int column) {
        if (column == Integer.MAX_VALUE) {
            return "beyond XFD";
        }
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** Characters XML cannot hold are written as _xHHHH_ (Excel writes a carriage return as _x000D_); as POI reads them. */
    private static String decoded(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        return ESCAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    private static Integer integer(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException problemIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof SAXException sax && sax.getException() instanceof ProblemException problem) {
                return problem;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static ProblemException unreadable() {
        return ProblemException.badRequest(List.of(new FieldError("file", "unreadable-file",
                "the file is not a readable XLSX workbook (save it as .xlsx or CSV)")));
    }
}
