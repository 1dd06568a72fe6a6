package org.techschools.enrollment.service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 进展表 as an XLSX sheet in the layout of the notice's attachment (docs/DOMAIN.md#progress-report), so an
 * office can print and stamp it: a title row, the 填表单位 row, two header rows (其中 spanning 全日制/非全日制), then
 * 技工学校, 高级技工学校, 技师学院, 合计.
 */
public final class ProgressReportWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ProgressReportWorkbook() {
    }

    public static String title(ProgressReport report) {
        YearMonth month = YearMonth.parse(report.month());
        return report.intakeYear() + "年技工院校招生进展情况表（截至" + month.getMonthValue() + "月底）";
    }

    public static void write(ProgressReport report, OutputStream out) throws IOException {
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(report.month());
            CellStyle title = style(book, true, false);
            CellStyle header = style(book, true, true);
            CellStyle cell = style(book, false, true);

            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title(report));
            titleRow.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));

            Row unit = sheet.createRow(1);
            unit.createCell(0).setCellValue("填表单位（盖章）：" + report.provinceName() + "人力资源和社会保障厅（局）");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 4));

            Row head1 = sheet.createRow(2);
            Row head2 = sheet.createRow(3);
            String[] top = { "", "招生学校数（所）", report.intakeYear() + "年累计招生人数（人）", "其中", "" };
            String[] bottom = { "", "", "", "全日制招生", "非全日制招生" };
            for (int c = 0; c < top.length; c++) {
                head1.createCell(c).setCellValue(top[c]);
                head1.getCell(c).setCellStyle(header);
                head2.createCell(c).setCellValue(bottom[c]);
                head2.getCell(c).setCellStyle(header);
            }
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 2, 2));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));

            int r = 4;
            for (ProgressReport.Row row : report.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.label());
                line.createCell(1).setCellValue(row.enrollingSchools());
                line.createCell(2).setCellValue(row.cumulativeEnrollment());
                line.createCell(3).setCellValue(row.fullTime());
                line.createCell(4).setCellValue(row.partTime());
                for (int c = 0; c < 5; c++) {
                    line.getCell(c).setCellStyle(cell);
                }
            }
            sheet.setColumnWidth(0, 16 * 256);
            for (int c = 1; c < 5; c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            book.write(out);
        }
    }

    private static CellStyle style(Workbook book, boolean bold, boolean bordered) {
        CellStyle style = book.createCellStyle();
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bold) {
            Font font = book.createFont();
            font.setBold(true);
            style.setFont(font);
        }
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
