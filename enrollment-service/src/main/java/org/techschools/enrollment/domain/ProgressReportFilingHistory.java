package org.techschools.enrollment.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An earlier filing of a 进展表 that a refiling replaced (报送历史), kept as it was. */
@Entity
@Table(name = "progress_report_filing_history")
public class ProgressReportFilingHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "report_month", nullable = false)
    public String reportMonth;

    @Column(nullable = false, columnDefinition = "text")
    public String figures;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingTimeliness timeliness;

    @Column(name = "superseded_at", nullable = false)
    public Instant supersededAt;
}
