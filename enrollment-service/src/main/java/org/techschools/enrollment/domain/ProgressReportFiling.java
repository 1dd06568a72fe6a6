package org.techschools.enrollment.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

/**
 * 进展表报送: the figures a province office filed for a month, as they were when filed. A refiling replaces
 * this row and moves the previous one to {@link ProgressReportFilingHistory}.
 */
@Entity
@Table(name = "progress_report_filing")
@IdClass(ProgressReportFiling.Key.class)
public class ProgressReportFiling extends PanacheEntityBase {

    @Id
    @Column(name = "province_code")
    public String provinceCode;

    /** yyyy-MM */
    @Id
    @Column(name = "report_month")
    public String reportMonth;

    /** The filed report as JSON (the same shape GET /progress-reports answers). */
    @Column(nullable = false, columnDefinition = "text")
    public String figures;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    /** Of this filing, judged by its own filedAt. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingTimeliness timeliness;

    /** The first filing decides whether the province reported on time; refilings only correct figures. */
    @Column(name = "first_filed_at", nullable = false)
    public Instant firstFiledAt;

    /**
     * Notes that the reminder of an overdue report was sent; false when it had been before (by this or another instance),
     * so each overdue report is announced once.
     */
    public static boolean remindOnce(String provinceCode, String reportMonth, LocalDate dueOn, Instant sentAt) {
        return PlainSql.update("INSERT INTO progress_report_reminder (province_code, report_month, due_on, sent_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", provinceCode, reportMonth, dueOn, sentAt.atOffset(ZoneOffset.UTC)) == 1;
    }

    public static class Key implements Serializable {
        public String provinceCode;
        public String reportMonth;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(provinceCode, k.provinceCode) && Objects.equals(reportMonth, k.reportMonth);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provinceCode, reportMonth);
        }
    }
}
