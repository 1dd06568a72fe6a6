package org.techschools.enrollment.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.enrollment.service.UploadedSheet;

/**
 * 导入结果: what became of every data row of an uploaded sheet. {@code reportCsv} is where the same report can be
 * downloaded as CSV, now or later. No row carries an ID number.
 */
public record EnrollmentUploadReport(UUID id, String fileName, Instant uploadedAt, int rows, int created, int unchanged,
        int corrected, int rejected, String reportCsv, List<UploadedSheet.Row> results) {

    static EnrollmentUploadReport of(UploadedSheet sheet) {
        return new EnrollmentUploadReport(sheet.id(), sheet.fileName(), sheet.uploadedAt(), sheet.rows(), sheet.created(),
                sheet.unchanged(), sheet.corrected(), sheet.rejected(), "/api/v1/enrollments/uploads/" + sheet.id() + "/report.csv",
                sheet.results());
    }
}
