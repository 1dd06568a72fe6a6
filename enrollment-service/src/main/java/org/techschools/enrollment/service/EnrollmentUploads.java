package org.techschools.enrollment.service;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.techschools.commons.csv.Csv;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.enrollment.domain.EnrollmentUpload;

/**
 * 表格导入: the rows of an uploaded sheet go through {@link EnrollmentIntake} exactly as a batch push does; the
 * per-row report is stored with the records, in the same transaction, so it can be downloaded again.
 */
@ApplicationScoped
public class EnrollmentUploads {

    @Inject
    EnrollmentIntake intake;

    @Inject
    Clock clock;

    @ConfigProperty(name = "platform.enrollment.batch-limit", defaultValue = "5000")
    int rowLimit;

    /** Larger files are refused before they are parsed. */
    @ConfigProperty(name = "platform.enrollment.upload-max-bytes", defaultValue = "4194304")
    int maxBytes;

    /** 413 naming {@code file} for a sheet above {@code platform.enrollment.upload-max-bytes}, before it is read. */
    public void requireSize(long size) {
        if (size > maxBytes) {
            throw new ProblemException(413, "Payload too large", "an upload holds at most " + maxBytes + " bytes",
                    List.of(new FieldError("file", "size-limit", "at most " + maxBytes + " bytes, got " + size)));
        }
    }

    /**
     * Checks, reads and stores a sheet the school uploaded — through the API or the school's console page alike. Runs
     * {@link #accept} in a transaction of its own, once more when it lost a race with a push of the same new record.
     */
    public UploadedSheet upload(byte[] content, String fileName, String schoolCode, String uploadedBy) {
        requireSize(content.length);
        if (content.length == 0) {
            throw ProblemException.badRequest(List.of(new FieldError("file", "required", "the upload is empty")));
        }
        if (schoolCode == null) {
            throw ProblemException.forbidden("the token names no school");
        }
        // The file name is kept with the report and shown again: a sheet named after a student's ID number is refused.
        IdNumberShape.refuse("fileName", fileName);
        EnrollmentSheet.Parsed sheet = EnrollmentSheet.parse(content, schoolCode, rowLimit);
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip().substring(0, Math.min(300, fileName.strip().length()));
        return ConstraintRaces.retryOnce(() -> accept(sheet, schoolCode, uploadedBy, name));
    }

    @Transactional
    public UploadedSheet accept(EnrollmentSheet.Parsed sheet, String schoolCode, String uploadedBy, String fileName) {
        List<EnrollmentSubmission> readable = sheet.rows().stream().filter(r -> r.cellErrors().isEmpty()).map(EnrollmentSheet.SheetRow::submission)
                .toList();
        Iterator<EnrollmentIntake.Result> results = intake.submit(readable, schoolCode).iterator();
        EnrollmentUpload upload = new EnrollmentUpload();
        upload.id = UUID.randomUUID();
        upload.schoolCode = schoolCode;
        upload.uploadedBy = uploadedBy;
        upload.uploadedAt = clock.instant();
        upload.fileName = fileName;
        upload.rowCount = sheet.rows().size();
        List<UploadedSheet.Row> rows = new ArrayList<>(sheet.rows().size());
        for (EnrollmentSheet.SheetRow row : sheet.rows()) {
            EnrollmentIntake.Result result = row.cellErrors().isEmpty() ? results.next()
                    : new EnrollmentIntake.Result(EnrollmentIntake.Outcome.REJECTED, null, row.cellErrors());
            switch (result.outcome()) {
                case CREATED -> upload.created++;
                case UNCHANGED -> upload.unchanged++;
                case CORRECTED -> upload.corrected++;
                case REJECTED -> upload.rejected++;
            }
            // A record id that holds an ID number is refused by the intake and not repeated in the report either.
            String sourceRecordId = IdNumberShape.foundIn(row.submission().sourceRecordId()) ? null : row.submission().sourceRecordId();
            rows.add(new UploadedSheet.Row(row.rowNumber(), sourceRecordId, result.outcome().name(), result.id(),
                    result.errors().isEmpty() ? null : result.errors().stream().map(e -> rowError(e, sheet)).toList()));
        }
        upload.report = csv(rows);
        upload.persist();
        return report(upload, rows);
    }

    private static UploadedSheet report(EnrollmentUpload upload, List<UploadedSheet.Row> rows) {
        return new UploadedSheet(upload.id, upload.fileName, upload.uploadedAt, upload.rowCount, upload.created,
                upload.unchanged, upload.corrected, upload.rejected, rows);
    }

    /** The stored CSV report of an upload of the caller's school; 404 for another school's or an unknown upload. */
    public String reportCsv(UUID uploadId, String callerSchool) {
        EnrollmentUpload upload = EnrollmentUpload.findById(uploadId);
        if (upload == null || !upload.schoolCode.equals(callerSchool)) {
            throw ProblemException.notFound("upload");
        }
        return upload.report;
    }

    private static UploadedSheet.RowError rowError(FieldError e, EnrollmentSheet.Parsed sheet) {
        EnrollmentSheet.Column column = EnrollmentSheet.columnOf(e.field());
        return new UploadedSheet.RowError(column == null ? null : sheet.headers().getOrDefault(column, column.header()), e.field(),
                e.rule(), e.message());
    }

    /** UTF-8 with a byte-order mark, so spreadsheet programs on Chinese systems open it with the right encoding. */
    private static String csv(List<UploadedSheet.Row> rows) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        out.write(Csv.line(UploadedSheet.CSV_HEADER));
        for (UploadedSheet.Row row : rows) {
            if (row.errors() == null) {
                out.write(Csv.line(Arrays.asList(row.row(), row.sourceRecordId(), row.status(), row.id(), null, null, null, null)));
                continue;
            }
            for (UploadedSheet.RowError e : row.errors()) {
                out.write(Csv.line(Arrays.asList(row.row(), row.sourceRecordId(), row.status(), row.id(), e.column(), e.field(),
                        e.rule(), e.message())));
            }
        }
        return out.toString();
    }
}
