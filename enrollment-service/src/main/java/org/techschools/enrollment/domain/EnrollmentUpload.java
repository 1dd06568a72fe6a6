package org.techschools.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 表格导入记录: one CSV or XLSX file a school uploaded, with its outcome counts and the per-row report as CSV (row,
 * sourceRecordId, outcome, broken rules — never an ID number), kept so the school can download the report again.
 */
@Entity
@Table(name = "enrollment_upload")
public class EnrollmentUpload extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int corrected;

    @Column(nullable = false)
    public int rejected;

    @Column(nullable = false, columnDefinition = "text")
    public String report;
}
