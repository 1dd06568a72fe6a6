package org.techschools.enrollment.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 导入结果: what became of every data row of an uploaded sheet, as stored with the upload. No row carries an ID number.
 *
 * @param id the upload's id, under which its report can be downloaded again
 */
public record UploadedSheet(UUID id, String fileName, Instant uploadedAt, int rows, int created, int unchanged, int corrected,
        int rejected, List<Row> results) {

    /** Header of the stored CSV report: one line per broken rule, or one line for a row without errors. */
    public static final List<String> CSV_HEADER = List.of("row", "sourceRecordId", "status", "id", "column", "field", "rule", "message");

    /**
     * @param row the row number in the sheet (the header is row 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, String sourceRecordId, String status, UUID id, List<RowError> errors) {
    }

    /**
     * @param column the rule's column under the header the sheet used (e.g. 证件号码), when the field has a column
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowError(String column, String field, String rule, String message) {
    }
}
