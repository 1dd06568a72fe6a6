package org.techschools.enrollment.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.csv.Csv;
import org.techschools.enrollment.service.XlsxSheetReader.Cell;

/**
 * 招生数据表格导入: turns an uploaded CSV or XLSX sheet (first sheet, header in row 1) into enrollment requests for
 * {@link EnrollmentIntake}. It only reads cells — every rule is the intake's. Headers are the JSON field names or
 * their Chinese names (姓名, 证件号码, …); values may be enum names or their Chinese labels (男/女, 全日制, 中级工班, …).
 * Row numbers are the sheet's (the header is row 1), as a clerk sees them in a spreadsheet program.
 */
public final class EnrollmentSheet {

    public static final String XLSX_MEDIA_TYPE = ProgressReportWorkbook.MEDIA_TYPE;

    /**
     * The caps of a sheet, the same for CSV and XLSX (see {@link XlsxSheetReader.Limits}): the template has 18 columns
     * and a school's own sheet a few more; a 5,000-row workbook unpacks to about 8 MiB and compresses 10-30 fold.
     */
    static final int MAX_COLUMNS = 64;
    static final int MAX_CELL_CHARS = 2000;
    static final XlsxSheetReader.Limits LIMITS = new XlsxSheetReader.Limits(MAX_COLUMNS, MAX_CELL_CHARS, 200_000, 16L << 20, 100);

    /** One column of the template: the request field it fills, its header names, and whether a sheet must have it. */
    public enum Column {
        SCHOOL_CODE("schoolCode", false, "学校代码"),
        SOURCE_RECORD_ID("sourceRecordId", true, "记录编号", "学校记录编号"),
        ID_TYPE("student.idType", false, "证件类型"),
        ID_NUMBER("student.idNumber", true, "证件号码", "身份证号", "身份证号码"),
        NAME("student.name", true, "姓名"),
        GENDER("student.gender", true, "性别"),
        BIRTH_DATE("student.birthDate", true, "出生日期"),
        MAJOR_CODE("majorCode", true, "专业代码"),
        CLASS_LEVEL("classLevel", true, "班级层次", "培养层次"),
        STUDY_MODE("studyMode", true, "学习形式"),
        INTAKE_YEAR("intakeYear", true, "招生年度"),
        INTAKE_SEASON("intakeSeason", true, "招生季节", "招生季"),
        ENROLLED_ON("enrolledOn", true, "录取日期", "入学日期"),
        SOURCE_CATEGORY("sourceCategory", false, "生源类别"),
        ORIGIN_REGION("originRegion", false, "生源地代码"),
        PRIORITY_FLAGS("priorityFlags", false, "优先标记"),
        EMPLOYER("employer", false, "工作单位", "就业单位"),
        PROGRAMME_MONTHS("programmeMonths", false, "学制月数");

        /** The request field, as the intake names it in its errors. */
        public final String field;
        public final boolean required;
        final List<String> aliases;

        Column(String field, boolean required, String... chineseNames) {
            this.field = field;
            this.required = required;
            List<String> names = new ArrayList<>(List.of(chineseNames));
            names.add(field.substring(field.indexOf('.') + 1));
            this.aliases = List.copyOf(names);
        }

        /** The English header, e.g. {@code idNumber}. */
        public String header() {
            return aliases.get(aliases.size() - 1);
        }
    }

    /** Chinese labels offices write instead of the enum names; anything else goes to the intake as written. */
    private static final Map<Column, Map<String, String>> LABELS = Map.of(
            Column.ID_TYPE, Map.of("居民身份证", "RESIDENT_ID", "身份证", "RESIDENT_ID", "港澳居民来往内地通行证", "HK_MACAU_PERMIT",
                    "港澳通行证", "HK_MACAU_PERMIT", "台湾居民来往大陆通行证", "TAIWAN_PERMIT", "台胞证", "TAIWAN_PERMIT", "护照", "PASSPORT"),
            Column.GENDER, Map.of("男", "MALE", "女", "FEMALE"),
            Column.CLASS_LEVEL, Map.of("中级工班", "INTERMEDIATE", "中级工", "INTERMEDIATE", "高级工班", "ADVANCED", "高级工", "ADVANCED",
                    "预备技师班", "PREP_TECHNICIAN", "预备技师（技师）班", "PREP_TECHNICIAN", "预备技师(技师)班", "PREP_TECHNICIAN",
                    "技师班", "TECHNICIAN", "技师", "TECHNICIAN"),
            Column.STUDY_MODE, Map.of("全日制", "FULL_TIME", "非全日制", "PART_TIME"),
            Column.INTAKE_SEASON, Map.of("春季", "SPRING", "秋季", "AUTUMN"));

    private static final Map<String, Column> BY_HEADER = new HashMap<>();
    static {
        for (Column c : Column.values()) {
            c.aliases.forEach(alias -> BY_HEADER.put(normaliseHeader(alias), c));
        }
    }

    /** One data row: its submission, or the cells that could not be read (then the row is not submitted). */
    public record SheetRow(int rowNumber, EnrollmentSubmission submission, List<FieldError> cellErrors) {
    }

    /** The rows of a sheet and the header each column had in it (for reporting a field under the clerk's header). */
    public record Parsed(List<SheetRow> rows, Map<Column, String> headers) {
    }

    private EnrollmentSheet() {
    }

    /**
     * @param content     the uploaded file: XLSX is recognised by its ZIP signature and read as a stream
     *                    ({@link XlsxSheetReader}), anything else is read as CSV (UTF-8 with or without BOM, or GB18030
     *                    as spreadsheet programs on Chinese systems save it)
     * @param schoolCode  the uploading school: rows without a schoolCode column belong to it
     * @param rowLimit    more data rows than this answers 413, as soon as the first row beyond it is read
     */
    public static Parsed parse(byte[] content, String schoolCode, int rowLimit) {
        Reading reading = new Reading(schoolCode, rowLimit);
        if (isZip(content)) {
            XlsxSheetReader.read(content, LIMITS, reading::row);
        } else {
            List<List<String>> table = readCsv(content);
            for (int r = 0; r < table.size(); r++) {
                List<String> texts = table.get(r);
                List<Cell> cells = new ArrayList<>(Math.min(texts.size(), MAX_COLUMNS));
                for (int c = 0; c < texts.size(); c++) {
                    checkCsvCell(r + 1, c, texts.get(c));
                    if (c < MAX_COLUMNS) {
                        cells.add(Cell.text(texts.get(c)));
                    }
                }
                reading.row(r + 1, cells);
            }
        }
        return reading.finish();
    }

    /** A CSV is parsed whole (it is at most the upload limit); its cells meet the same caps as a workbook's. */
    private static void checkCsvCell(int rowNumber, int column, String text) {
        if (text.isBlank()) {
            return;
        }
        if (column >= MAX_COLUMNS) {
            throw LIMITS.columnLimit(rowNumber, column);
        }
        if (text.length() > MAX_CELL_CHARS) {
            throw LIMITS.cellSize("row " + rowNumber + ", column " + XlsxSheetReader.columnName(column));
        }
    }

    /** Rows as they are read: row 1 is the header, blank rows are skipped, the row limit is checked row by row. */
    private static final class Reading {

        private final String schoolCode;
        private final int rowLimit;
        private final List<SheetRow> rows = new ArrayList<>();
        private final Map<Column, String> headers = new LinkedHashMap<>();
        private Map<Integer, Column> columns;

        Reading(String schoolCode, int rowLimit) {
            this.schoolCode = schoolCode;
            this.rowLimit = rowLimit;
        }

        void row(int rowNumber, List<Cell> cells) {
            if (columns == null) {
                // A sheet whose first row is not row 1 has an empty header, which names no column.
                List<Cell> header = rowNumber == 1 ? cells : List.of();
                columns = columns(header);
                columns.forEach((index, column) -> headers.put(column, header.get(index).text().strip()));
                if (rowNumber == 1) {
                    return;
                }
            }
            if (cells.stream().allMatch(c -> c == null || c.blank())) {
                return; // spreadsheets keep formatted but empty rows at the end
            }
            if (rows.size() == rowLimit) {
                throw new ProblemException(413, "Payload too large", "an upload holds at most " + rowLimit + " rows",
                        List.of(new FieldError("file", "row-limit", "at most " + rowLimit + " data rows")));
            }
            rows.add(EnrollmentSheet.row(rowNumber, cells, columns, schoolCode));
        }

        Parsed finish() {
            if (columns == null) {
                throw ProblemException.unprocessable(List.of(new FieldError("file", "empty-file", "the file has no header row")));
            }
            if (rows.isEmpty()) {
                throw ProblemException.unprocessable(List.of(new FieldError("file", "empty-file", "the file has a header but no data rows")));
            }
            return new Parsed(rows, headers);
        }
    }

    /** The column the intake's error field belongs to: {@code student.idNumber} → ID_NUMBER, {@code priorityFlags[1]} → PRIORITY_FLAGS. */
    public static Column columnOf(String field) {
        String plain = field.replaceAll("\\[\\d+]$", "");
        return Arrays.stream(Column.values()).filter(c -> c.field.equals(plain)).findFirst().orElse(null);
    }

    private static Map<Integer, Column> columns(List<Cell> header) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = header.get(i) == null || header.get(i).blank() ? null : BY_HEADER.get(normaliseHeader(header.get(i).text()));
            if (column == null) {
                continue; // 序号, remarks and other columns of the school's own sheet are not ours
            }
            if (columns.containsValue(column)) {
                errors.add(new FieldError(column.header(), "duplicate-column", "two columns hold " + column.header()));
            }
            columns.put(i, column);
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsValue(c)) {
                errors.add(new FieldError(c.header(), "missing-column",
                        "the header row has no column " + c.header() + " (" + c.aliases.get(0) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        return columns;
    }

    private static SheetRow row(int rowNumber, List<Cell> cells, Map<Integer, Column> columns, String schoolCode) {
        Map<Column, String> v = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        columns.forEach((index, column) -> {
            Cell cell = index < cells.size() ? cells.get(index) : null;
            if (cell == null || cell.blank()) {
                return;
            }
            String value = cell.text().strip();
            v.put(column, LABELS.getOrDefault(column, Map.of()).getOrDefault(value, value));
            if (column == Column.ID_NUMBER && cell.number()) {
                errors.add(new FieldError(Column.ID_NUMBER.field, "id-number-cell-format",
                        "the ID number is a number cell, which spreadsheets round after 15 digits: format the column as text"));
            }
        });
        Integer intakeYear = integer(errors, Column.INTAKE_YEAR, v.get(Column.INTAKE_YEAR));
        Integer programmeMonths = integer(errors, Column.PROGRAMME_MONTHS, v.get(Column.PROGRAMME_MONTHS));
        String flags = v.get(Column.PRIORITY_FLAGS);
        EnrollmentSubmission submission = new EnrollmentSubmission(v.getOrDefault(Column.SCHOOL_CODE, schoolCode), v.get(Column.SOURCE_RECORD_ID),
                new EnrollmentSubmission.Student(v.getOrDefault(Column.ID_TYPE, "RESIDENT_ID"), v.get(Column.ID_NUMBER),
                        v.get(Column.NAME), v.get(Column.GENDER), v.get(Column.BIRTH_DATE)),
                v.get(Column.MAJOR_CODE), v.get(Column.CLASS_LEVEL), v.get(Column.STUDY_MODE), intakeYear, v.get(Column.INTAKE_SEASON),
                v.get(Column.ENROLLED_ON), v.get(Column.SOURCE_CATEGORY), v.get(Column.ORIGIN_REGION),
                flags == null ? List.of() : Arrays.stream(flags.split("[,;，；、]")).map(String::strip).filter(f -> !f.isEmpty()).toList(),
                v.get(Column.EMPLOYER), programmeMonths);
        return new SheetRow(rowNumber, submission, errors);
    }

    private static Integer integer(List<FieldError> errors, Column column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column.field, "number-format", column.header() + " must be a whole number"));
            return null;
        }
    }

    private static String normaliseHeader(String header) {
        // Templates differ in case, spacing, full-width brackets and a leading * for required columns.
        return header.strip().replace("*", "").replace(" ", "").replace("（", "(").replace("）", ")").toLowerCase(Locale.ROOT);
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> readCsv(byte[] content) {
        try {
            return Csv.rows(decode(content));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("file", "unreadable-file",
                    "the CSV file cannot be read: " + e.getMessage())));
        }
    }

    private static String decode(byte[] content) {
        int bom = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content, bom, content.length - bom)).toString();
            } catch (CharacterCodingException e) {
                // not this encoding: try the next
            }
        }
        throw ProblemException.badRequest(List.of(new FieldError("file", "unreadable-file",
                "the file is neither an XLSX workbook nor CSV text in UTF-8 or GB18030")));
    }
}
