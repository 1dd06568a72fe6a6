package org.techschools.enrollment.service;

import java.time.Instant;
import java.util.List;

import org.techschools.commons.csv.Csv;

/**
 * 技工院校招生情况进展表: a province's enrollment of one intake year as of the end of a month, one row per
 * school type and a total (合计). Also the shape a filing stores.
 *
 * @param month  yyyy-MM
 * @param asOf   the cut-off: the first instant after the month (records and changes before it count)
 */
public record ProgressReport(String provinceCode, String provinceName, String month, int intakeYear, Instant asOf, List<Row> rows) {

    /** The TOTAL row's category. */
    public static final String TOTAL = "TOTAL";

    /**
     * @param category         a SchoolType name, or {@link #TOTAL}
     * @param label            技工学校 / 高级技工学校 / 技师学院 / 合计
     * @param enrollingSchools 招生学校数: schools with at least one active record of the year
     * @param cumulativeEnrollment 累计招生人数
     * @param fullTime         其中全日制
     * @param partTime         其中非全日制
     */
    public record Row(String category, String label, int enrollingSchools, int cumulativeEnrollment, int fullTime, int partTime) {

        /** This row minus an earlier one, cell by cell. */
        public Row minus(Row earlier) {
            return new Row(category, label, enrollingSchools - earlier.enrollingSchools, cumulativeEnrollment - earlier.cumulativeEnrollment,
                    fullTime - earlier.fullTime, partTime - earlier.partTime);
        }

        /** This row plus another, cell by cell (national sums of the provinces' totals). */
        public Row plus(Row other) {
            return new Row(category, label, enrollingSchools + other.enrollingSchools, cumulativeEnrollment + other.cumulativeEnrollment,
                    fullTime + other.fullTime, partTime + other.partTime);
        }

        public boolean isZero() {
            return enrollingSchools == 0 && cumulativeEnrollment == 0 && fullTime == 0 && partTime == 0;
        }
    }

    public Row total() {
        return rows.stream().filter(r -> r.category().equals(TOTAL)).findFirst().orElseThrow();
    }

    /** Column headers of the CSV export. */
    public static final List<String> CSV_HEADER = List.of("category", "label", "enrollingSchools", "cumulativeEnrollment", "fullTime",
            "partTime");

    public String toCsv() {
        StringBuilder csv = new StringBuilder(Csv.line(CSV_HEADER));
        for (Row r : rows) {
            csv.append(Csv.line(List.of(r.category(), r.label(), r.enrollingSchools(), r.cumulativeEnrollment(), r.fullTime(), r.partTime())));
        }
        return csv.toString();
    }
}
