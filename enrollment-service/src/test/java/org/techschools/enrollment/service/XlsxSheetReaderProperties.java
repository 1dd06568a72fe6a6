package org.techschools.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;
import org.techschools.enrollment.TestWorkbooks;
import org.techschools.enrollment.service.XlsxSheetReader.Cell;

/**
 * The streaming XLSX reader fed random and hostile workbooks: it reads what POI's user model reads, and anything else
 * is refused naming field and rule, quickly, never with another exception.
 */
class XlsxSheetReaderProperties {

    private static final XlsxSheetReader.Limits LIMITS = EnrollmentSheet.LIMITS;

    /** What a written workbook holds in each cell: text, a number or a date. */
    record Value(String text, Double number, LocalDate date) {
    }

    @Property(tries = 100)
    void readsWhatPoisUserModelReads(@ForAll("tables") List<List<Value>> table) throws IOException {
        byte[] workbook = write(table);
        List<List<Cell>> expected;
        try {
            expected = userModel(workbook);
        } catch (IOException | RuntimeException e) {
            // POI wrote what it cannot read back (a character XML cannot hold): the reader may refuse it too.
            assertReadWithinLimitsOrRefused(workbook);
            return;
        }
        assertEquals(normalised(expected), normalised(read(workbook)));
    }

    @Property(tries = 200)
    void anyBytesAfterAZipSignatureAreReadOrRefusedNamingFieldAndRule(@ForAll @Size(max = 2000) byte[] bytes) {
        byte[] content = new byte[bytes.length + 4];
        content[0] = 'P';
        content[1] = 'K';
        content[2] = 3;
        content[3] = 4;
        System.arraycopy(bytes, 0, content, 4, bytes.length);
        assertReadWithinLimitsOrRefused(content);
    }

    @Property(tries = 200)
    void aWorkbookWithBytesChangedIsReadOrRefusedNamingFieldAndRule(@ForAll("tables") List<List<Value>> table,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions, @ForAll byte value)
            throws IOException {
        byte[] workbook = write(table);
        for (int position : positions) {
            workbook[position % workbook.length] ^= value == 0 ? 1 : value;
        }
        assertReadWithinLimitsOrRefused(workbook);
    }

    @Property(tries = 300)
    void anySheetXmlIsReadWithinTheLimitsOrRefused(@ForAll("sheetXml") String sheet, @ForAll("sharedStrings") String strings) {
        assertReadWithinLimitsOrRefused(TestWorkbooks.withSheet(sheet, strings));
    }

    @Example
    void oneCellInColumnXfdOnTwentyThousandRowsIsRefusedAtTheFirstSuchRow() {
        byte[] workbook = TestWorkbooks.xfdOnEveryRow(20_000);
        long started = System.nanoTime();
        ProblemException refused = assertThrows(ProblemException.class, () -> read(workbook));
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused within a second");
        assertEquals(422, refused.status());
        assertEquals(List.of(new FieldError("file", "column-limit", "row 2, column XFD: a sheet has at most 64 columns (A-BL)")),
                refused.toProblem().errors());
    }

    @Example
    void aZipBombIsRefusedForItsRatioAndALargeSheetForItsSize() {
        ProblemException bomb = assertThrows(ProblemException.class, () -> read(TestWorkbooks.zipBomb(100)));
        assertEquals(413, bomb.status());
        assertEquals("compression-ratio", bomb.toProblem().errors().get(0).rule());

        ProblemException large = assertThrows(ProblemException.class, () -> read(TestWorkbooks.largeUnpacked(17)));
        assertEquals(413, large.status());
        assertEquals("unpacked-size", large.toProblem().errors().get(0).rule());
    }

    @Example
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
        ProblemException refused = assertThrows(ProblemException.class, () -> read(TestWorkbooks.withSheet(laughs, null)));
        assertEquals(400, refused.status());
        assertEquals("unreadable-file", refused.toProblem().errors().get(0).rule());
    }

    @Example
    void aTextLongerThanACellMayHoldIsRefusedNamingTheCell() {
        String sheet = "<worksheet><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>" + "长".repeat(2001)
                + "</t></is></c></row></sheetData></worksheet>";
        ProblemException refused = assertThrows(ProblemException.class, () -> read(TestWorkbooks.withSheet(sheet, null)));
        assertEquals(422, refused.status());
        assertEquals(List.of(new FieldError("file", "cell-size", "row 3, column B: a cell holds at most 2000 characters")),
                refused.toProblem().errors());
    }

    /** Reads the whole sheet into memory: fine for the small workbooks of these properties. */
    private static List<List<Cell>> read(byte[] workbook) {
        List<List<Cell>> rows = new ArrayList<>();
        XlsxSheetReader.read(workbook, LIMITS, (rowNumber, cells) -> {
            while (rows.size() < rowNumber - 1) {
                rows.add(List.of());
            }
            rows.add(List.copyOf(cells.stream().map(c -> c == null ? new Cell(null, false) : c).toList()));
        });
        return rows;
    }

    private static void assertReadWithinLimitsOrRefused(byte[] workbook) {
        long started = System.nanoTime();
        try {
            XlsxSheetReader.read(workbook, LIMITS, (rowNumber, cells) -> {
                assertTrue(rowNumber >= 1);
                assertTrue(cells.size() <= LIMITS.maxColumns(), "at most the column limit");
                cells.forEach(c -> assertTrue(c == null || c.text().length() <= LIMITS.maxCellChars(), "at most the cell size"));
            });
        } catch (ProblemException refused) {
            assertRefusal(refused);
        }
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "read or refused within two seconds");
    }

    /** An empty text is no cell, trailing empty cells and rows are nothing: both readings compared alike. */
    private static List<List<Cell>> normalised(List<List<Cell>> table) {
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Cell> row : table) {
            List<Cell> cells = new ArrayList<>(row.stream().map(c -> c == null || c.text() == null || c.text().isEmpty()
                    ? new Cell(null, false) : c).toList());
            while (!cells.isEmpty() && cells.get(cells.size() - 1).text() == null) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static void assertRefusal(ProblemException refused) {
        Problem problem = refused.toProblem();
        assertTrue(List.of(400, 413, 422).contains(problem.status()), "status " + problem.status());
        assertFalse(problem.errors() == null || problem.errors().isEmpty(), "names the broken rule");
        problem.errors().forEach(e -> {
            assertFalse(e.field() == null || e.field().isBlank(), "names the field");
            assertFalse(e.rule() == null || e.rule().isBlank(), "names the rule");
        });
    }

    @Provide
    Arbitrary<List<List<Value>>> tables() {
        Arbitrary<Value> text = Arbitraries.strings().ofMaxLength(40).map(t -> new Value(t, null, null));
        Arbitrary<Value> number = Arbitraries.oneOf(Arbitraries.integers().between(-100_000, 100_000).map(Double::valueOf),
                Arbitraries.doubles().between(-1e16, 1e16), Arbitraries.of(0.5, 1e15, 123456789012345678.0, -0.0))
                .map(n -> new Value(null, n, null));
        Arbitrary<Value> date = Arbitraries.integers().between(1900 * 366, 2100 * 365).map(d -> new Value(null, null,
                LocalDate.ofEpochDay(d - 719_528L)));
        Arbitrary<Value> value = Arbitraries.frequencyOf(Tuple.of(6, text), Tuple.of(2, number),
                Tuple.of(1, date), Tuple.of(1, Arbitraries.just(null)));
        return value.list().ofMaxSize(12).list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<String> sheetXml() {
        Arbitrary<String> reference = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(4),
                        Arbitraries.integers().between(0, 1_100_000)).as((letters, row) -> " r=\"" + letters + row + "\""),
                Arbitraries.strings().ofMaxLength(6).map(r -> " r=\"" + escaped(r) + "\""));
        Arbitrary<String> type = Arbitraries.of("", " t=\"s\"", " t=\"n\"", " t=\"b\"", " t=\"e\"", " t=\"str\"", " t=\"inlineStr\"",
                " t=\"d\"", " t=\"zz\"");
        Arbitrary<String> style = Arbitraries.of("", " s=\"0\"", " s=\"7\"", " s=\"-1\"", " s=\"99999999999\"");
        Arbitrary<String> content = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-3, 20).map(i -> "<v>" + i + "</v>"),
                Arbitraries.strings().ofMaxLength(30).map(v -> "<v>" + escaped(v) + "</v>"),
                Arbitraries.strings().ofMaxLength(30).map(v -> "<is><t>" + escaped(v) + "</t><rPh><t>ヨミ</t></rPh></is>"),
                Arbitraries.integers().between(1990, 2200).map(n -> "<v>" + "9".repeat(n) + "</v>"),
                Arbitraries.just("<f>SUM(A1:A2)</f><v>3</v>"));
        Arbitrary<String> cell = Combinators.combine(reference, type, style, content)
                .as((r, t, s, c) -> "<c" + r + t + s + ">" + c + "</c>");
        Arbitrary<String> row = Combinators.combine(reference.map(r -> r.replaceAll("[A-Z]", "")), cell.list().ofMaxSize(8))
                .as((r, cells) -> "<row" + r + ">" + String.join("", cells) + "</row>");
        Arbitrary<String> stray = Arbitraries.of("", "<c><v>1</v></c>", "<v>2</v>", "<t>x</t>", "<row/>", "<sheetData/>");
        return Combinators.combine(row.list().ofMaxSize(10), stray)
                .as((rows, s) -> "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + s + "<sheetData>"
                        + String.join("", rows) + "</sheetData></worksheet>");
    }

    @Provide
    Arbitrary<String> sharedStrings() {
        Arbitrary<String> item = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(t -> "<si><t>" + escaped(t) + "</t></si>"),
                Arbitraries.strings().ofMaxLength(20).map(t -> "<si><r><t>" + escaped(t) + "</t></r><r><t>_x000D_</t></r></si>"),
                Arbitraries.just("<si/>"));
        return Arbitraries.oneOf(Arbitraries.just(null), item.list().ofMaxSize(12).map(items -> "<sst>" + String.join("", items) + "</sst>"));
    }

    /** XML text for a random string; characters XML cannot hold are left in on purpose now and then. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static byte[] write(List<List<Value>> table) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("s");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table.get(r).size(); c++) {
                    Value v = table.get(r).get(c);
                    if (v == null) {
                        continue;
                    }
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                    if (v.text() != null) {
                        cell.setCellValue(v.text());
                    } else if (v.number() != null) {
                        cell.setCellValue(v.number());
                    } else {
                        cell.setCellValue(v.date());
                        cell.setCellStyle(date);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The reading the upload did before the streaming reader: POI's user model, every row and cell in memory. */
    private static List<List<Cell>> userModel(byte[] content) throws IOException {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter(Locale.ROOT);
            List<List<Cell>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(userModelCell(row.getCell(c), text));
                }
                table.add(cells);
            }
            return table;
        }
    }

    private static Cell userModelCell(org.apache.poi.ss.usermodel.Cell cell, DataFormatter text) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return new Cell(null, false);
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return Cell.text(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            }
            double number = cell.getNumericCellValue();
            return new Cell(number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                    : Double.toString(number), true);
        }
        return Cell.text(text.formatCellValue(cell));
    }
}
