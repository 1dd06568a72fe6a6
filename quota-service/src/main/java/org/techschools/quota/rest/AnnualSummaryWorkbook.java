package org.techschools.quota.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.quota.domain.AnnualSummary;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.domain.TargetProgress.GroupCount;

/** 年度总结 as an XLSX sheet: a title row, a header row, one row per city and a 合计 row. */
final class AnnualSummaryWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String[] ALERT_LABELS = { "超计划招生", "无计划招生", "省内跨市招生" };

    private AnnualSummaryWorkbook() {
    }

    static byte[] write(AnnualSummary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("年度总结");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(summary.provinceName() + " " + summary.year() + "年技工院校招生工作总结（截至 "
                    + summary.dueOn() + "）");
            title.getCell(0).setCellStyle(bold);

            List<String> header = new ArrayList<>(List.of("地区代码", "地区", "目标任务", "招生计划", "实际招生", "完成率(%)"));
            Stream.of(ClassLevel.values()).forEach(level -> header.add(level.label));
            header.add("高级工班及以上占比(%)");
            summary.total().priorityGroups().forEach(g -> header.add(g.label()));
            header.addAll(List.of(ALERT_LABELS));
            Row head = sheet.createRow(1);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (AnnualSummary.Row city : summary.cities()) {
                row(sheet.createRow(r++), city, city.name());
            }
            row(sheet.createRow(r), summary.total(), "合计");
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the annual summary workbook", e);
        }
    }

    private static void row(Row row, AnnualSummary.Row figures, String name) {
        int c = 0;
        row.createCell(c++).setCellValue(figures.code());
        row.createCell(c++).setCellValue(name);
        row.createCell(c++).setCellValue(figures.target());
        row.createCell(c++).setCellValue(figures.plan());
        row.createCell(c++).setCellValue(figures.actual());
        c = percent(row, c, figures.completionPct());
        for (ClassLevel level : ClassLevel.values()) {
            row.createCell(c++).setCellValue(figures.byLevel().getOrDefault(level.name(), 0L));
        }
        c = percent(row, c, figures.advancedShare());
        for (GroupCount group : figures.priorityGroups()) {
            row.createCell(c++).setCellValue(group.count());
        }
        for (PlanAlertType type : PlanAlertType.values()) {
            row.createCell(c++).setCellValue(figures.alertsByType().getOrDefault(type.name(), 0L));
        }
    }

    /** A percentage, or an empty cell when there was nothing to divide by. */
    private static int percent(Row row, int column, BigDecimal value) {
        if (value == null) {
            row.createCell(column);
        } else {
            row.createCell(column).setCellValue(value.doubleValue());
        }
        return column + 1;
    }
}
