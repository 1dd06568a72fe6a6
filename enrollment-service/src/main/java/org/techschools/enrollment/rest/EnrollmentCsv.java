package org.techschools.enrollment.rest;

import java.util.Arrays;
import java.util.List;

import org.techschools.enrollment.domain.EnrollmentSnapshot;

/** The CSV export of enrollment records: the JSON answer's fields flattened, the ID number only masked like the JSON. */
final class EnrollmentCsv {

    /** Columns of the CSV export, in order. */
    static final List<String> HEADER = List.of("id", "schoolCode", "sourceRecordId", "version", "status", "idType",
            "idNumberMasked", "name", "gender", "birthDate", "majorCode", "classLevel", "studyMode", "intakeYear", "intakeSeason",
            "enrolledOn", "sourceCategory", "originRegion", "priorityFlags", "employer", "checkStatus", "withdrawalReason",
            "createdAt", "updatedAt");

    private EnrollmentCsv() {
    }

    static List<Object> values(EnrollmentSnapshot r) {
        EnrollmentSnapshot.Student student = r.student();
        return Arrays.asList(r.id(), r.schoolCode(), r.sourceRecordId(), r.version(), r.status(), student.idType(),
                student.idNumberMasked(), student.name(), student.gender(), student.birthDate(), r.majorCode(), r.classLevel(),
                r.studyMode(), r.intakeYear(), r.intakeSeason(), r.enrolledOn(), r.sourceCategory(), r.originRegion(),
                String.join(";", r.priorityFlags()), r.employer(), r.checkStatus(), r.withdrawalReason(), r.createdAt(),
                r.updatedAt());
    }
}
