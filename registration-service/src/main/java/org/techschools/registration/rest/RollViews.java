package org.techschools.registration.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.csv.Csv;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.domain.RollEntry;
import org.techschools.registration.domain.RollFilter;
import org.techschools.registration.service.RegistrationRoll;

/** The 学籍 roll (学籍名册) as JSON pages and as CSV: the person by name and masked ID only, never the ID number. */
final class RollViews {

    static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String CSV_HEADER = "id,enrollmentId,schoolCode,sourceRecordId,name,idNumberMasked,gender,birthDate,status,"
            + "classLevel,majorCode,studyMode,intakeYear,intakeSeason,enrolledOn,provinceCode,cityCode,registeredAt,"
            + "updatedAt,endedAt,transferredFromSchoolCode,transferredToSchoolCode";

    private RollViews() {
    }

    /** One 学籍 of the roll. */
    public record RollItem(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String name,
            String idNumberMasked, Gender gender, LocalDate birthDate, RegistrationStatus status, ClassLevel classLevel,
            String majorCode, StudyMode studyMode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn,
            String provinceCode, String cityCode, Instant registeredAt, Instant updatedAt, Instant endedAt,
            String transferredFromSchoolCode, String transferredToSchoolCode) {

        static RollItem of(RollEntry e) {
            return new RollItem(e.id(), e.enrollmentId(), e.schoolCode(), e.sourceRecordId(), e.name(), e.idNumberMasked(),
                    e.gender(), e.birthDate(), e.status(), e.classLevel(), e.majorCode(), e.studyMode(), e.intakeYear(),
                    e.intakeSeason(), e.enrolledOn(), e.provinceCode(), e.cityCode(), e.registeredAt(), e.updatedAt(),
                    e.endedAt(), e.transferredFromSchoolCode(), e.transferredToSchoolCode());
        }
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record RollPage(List<RollItem> items, String nextCursor) {

        static RollPage of(RegistrationRoll.Page page) {
            return new RollPage(page.entries().stream().map(RollItem::of).toList(),
                    page.nextCursor() == null ? null : page.nextCursor().encode());
        }
    }

    /**
     * Every 学籍 the list would show, one line each, written page by page so a province's roll never sits in memory.
     * UTF-8 with a byte-order mark, or Excel garbles 张三.
     */
    static void writeCsv(OutputStream out, RegistrationRoll roll, RollFilter filter, RegistrationRoll.Scope scope)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.BOM);
        w.write(CSV_HEADER);
        w.write("\r\n");
        RollFilter page = filter;
        while (true) {
            RegistrationRoll.Page result = roll.page(page, scope);
            for (RollEntry e : result.entries()) {
                w.write(Csv.line(e.id(), e.enrollmentId(), e.schoolCode(), e.sourceRecordId(), e.name(), e.idNumberMasked(),
                        e.gender(), e.birthDate(), e.status(), e.classLevel(), e.majorCode(), e.studyMode(), e.intakeYear(),
                        e.intakeSeason(), e.enrolledOn(), e.provinceCode(), e.cityCode(), e.registeredAt(), e.updatedAt(),
                        e.endedAt(), e.transferredFromSchoolCode(), e.transferredToSchoolCode()));
            }
            if (result.nextCursor() == null) {
                break;
            }
            page = filter.after(result.nextCursor());
        }
        w.flush();
    }
}
