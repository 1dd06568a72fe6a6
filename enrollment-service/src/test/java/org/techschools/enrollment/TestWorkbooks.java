package org.techschools.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Workbooks as attackers and odd writers build them: the uploads must refuse them quickly and stay healthy. */
public final class TestWorkbooks {

    /** The template's required columns, English names. */
    public static final String[] HEADER = { "sourceRecordId", "idNumber", "name", "gender", "birthDate", "majorCode", "classLevel",
        "studyMode", "intakeYear", "intakeSeason", "enrolledOn" };

    private TestWorkbooks() {
    }

    /**
     * The workbook of the trust review: a header, then one cell in column XFD (the last) on each of {@code rows} rows.
     * About 100 KB; POI's user model expanded every row to 16,384 cells and ran out of heap.
     */
    public static byte[] xfdOnEveryRow(int rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("招生名单");
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                head.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                sheet.createRow(r).createCell(16_383).setCellValue("x");
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A ZIP bomb shaped as a workbook: a header row, then {@code megabytes} MiB of blanks inside the sheet XML, which
     * deflate about a thousand fold.
     */
    public static byte[] zipBomb(int megabytes) {
        return workbook(out -> {
            out.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + headerRow()).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }, null);
    }

    /**
     * A workbook whose sheet unpacks to {@code megabytes} MiB at a ratio a spreadsheet could have (text of two letters
     * at random, about 6 fold), kept in an element no reader needs.
     */
    public static byte[] largeUnpacked(int megabytes) {
        Random random = new Random(7);
        return workbook(out -> {
            out.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + headerRow() + "</sheetData><extLst><ext uri=\"x\">").getBytes(StandardCharsets.UTF_8));
            byte[] text = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                for (int b = 0; b < text.length; b++) {
                    text[b] = (byte) (random.nextBoolean() ? 'a' : 'b');
                }
                out.write(text);
            }
            out.write("</ext></extLst></worksheet>".getBytes(StandardCharsets.UTF_8));
        }, null);
    }

    /** A minimal package (no styles) around the given sheet XML and, when not null, shared strings XML. */
    public static byte[] withSheet(String sheetXml, String sharedStringsXml) {
        return workbook(out -> out.write(sheetXml.getBytes(StandardCharsets.UTF_8)), sharedStringsXml);
    }

    /** Writes the sheet part's bytes. */
    public interface SheetWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    private static String headerRow() {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (String name : HEADER) {
            row.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static byte[] workbook(SheetWriter sheet, String sharedStringsXml) {
        String rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                + " Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStringsXml == null ? "" : "<Relationship Id=\"rId2\""
                        + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
                        + " Target=\"sharedStrings.xml\"/>")
                + "</Relationships>";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                + " Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", rels);
        if (sharedStringsXml != null) {
            parts.put("xl/sharedStrings.xml", sharedStringsXml);
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write(out);
            out.closeEntry();
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
