package org.techschools.registration.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.commons.persistence.PlainSql;

/**
 * 学籍名册: the 学籍 in the caller's scope (a school its own, a city office its city, a province its province, an auditor
 * its region, the national office all), filtered and read page by page in registration order, so that a school system
 * can reconcile its roll. The person shows only by name and masked ID, as on every other 学籍 view.
 */
@ApplicationScoped
public class RegistrationRoll {

    /**
     * What to list. Null fields do not filter; {@code namePrefix} matches the start of the name as written.
     * {@code after} is the last entry of the previous page.
     */
    public record Filter(String schoolCode, RegistrationStatus status, ClassLevel classLevel, StudyMode studyMode,
            Integer intakeYear, String namePrefix, String sourceRecordId, KeysetCursor after, int limit) {

        public Filter after(KeysetCursor next) {
            return new Filter(schoolCode, status, classLevel, studyMode, intakeYear, namePrefix, sourceRecordId, next, limit);
        }
    }

    /**
     * One 学籍 of the roll; {@code transferredFromSchoolCode} and {@code transferredToSchoolCode} name the schools a
     * transfer linked it with (转入 from, 转出 to).
     */
    public record Entry(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String name,
            String idNumberMasked, Gender gender, LocalDate birthDate, RegistrationStatus status, ClassLevel classLevel,
            String majorCode, StudyMode studyMode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn,
            String provinceCode, String cityCode, Instant registeredAt, Instant updatedAt, Instant endedAt,
            String transferredFromSchoolCode, String transferredToSchoolCode) {
    }

    /**
     * The caller's narrowest limit, read on the request (a CSV export is written after it): a school token names no
     * region, a city office's names its city. All null for the national office and a national auditor.
     */
    public record Scope(String school, String city, String province) {

        public static Scope of(CallerScope caller) {
            return new Scope(caller.schoolLimit(), caller.cityLimit(), caller.provinceLimit());
        }
    }

    /** @param nextCursor the cursor of the next page; null on the last */
    public record Page(List<Entry> entries, KeysetCursor nextCursor) {
    }

    private static final String SELECT = "SELECT r.id, r.enrollment_id, r.school_code, r.source_record_id, r.name,"
            + " r.id_number_masked, r.gender, r.birth_date, r.status, r.class_level, r.major_code, r.study_mode,"
            + " r.intake_year, r.intake_season, r.enrolled_on, r.province_code, r.city_code, r.registered_at, r.updated_at,"
            + " r.ended_at, f.school_code, t.school_code FROM registration r"
            + " LEFT JOIN registration f ON f.id = r.transferred_from LEFT JOIN registration t ON t.id = r.transferred_to";

    @Transactional
    public Page page(Filter filter, Scope scope) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (scope.school() != null) {
            where.add("r.school_code = ?");
            parameters.add(scope.school());
        } else if (scope.city() != null) {
            where.add("r.city_code = ?");
            parameters.add(scope.city());
        } else if (scope.province() != null) {
            where.add("r.province_code = ?");
            parameters.add(scope.province());
        }
        add(where, parameters, "r.school_code = ?", filter.schoolCode());
        add(where, parameters, "r.status = ?", filter.status() == null ? null : filter.status().name());
        add(where, parameters, "r.class_level = ?", filter.classLevel() == null ? null : filter.classLevel().name());
        add(where, parameters, "r.study_mode = ?", filter.studyMode() == null ? null : filter.studyMode().name());
        add(where, parameters, "r.intake_year = ?", filter.intakeYear());
        add(where, parameters, "r.source_record_id = ?", filter.sourceRecordId());
        add(where, parameters, "r.name LIKE ? ESCAPE '\\'", filter.namePrefix() == null ? null : likePrefix(filter.namePrefix()));
        if (filter.after() != null) {
            OffsetDateTime at = filter.after().at().atOffset(ZoneOffset.UTC);
            where.add("(r.registered_at > ? OR (r.registered_at = ? AND r.id > ?))");
            parameters.add(at);
            parameters.add(at);
            parameters.add(filter.after().id());
        }
        // One more than asked tells whether another page follows.
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY r.registered_at, r.id LIMIT " + (filter.limit() + 1);
        List<Entry> found = PlainSql.list(sql, RegistrationRoll::entry, parameters.toArray());
        if (found.size() <= filter.limit()) {
            return new Page(found, null);
        }
        List<Entry> page = found.subList(0, filter.limit());
        Entry last = page.get(page.size() - 1);
        return new Page(page, new KeysetCursor(last.registeredAt(), last.id()));
    }

    private static void add(List<String> where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.add(value);
        }
    }

    /** The prefix as a LIKE pattern: its own % and _ match only themselves. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), Gender.valueOf(row.getString(7)), row.getObject(8, LocalDate.class),
                RegistrationStatus.valueOf(row.getString(9)), ClassLevel.valueOf(row.getString(10)), row.getString(11),
                StudyMode.valueOf(row.getString(12)), row.getInt(13), IntakeSeason.valueOf(row.getString(14)),
                row.getObject(15, LocalDate.class), row.getString(16), row.getString(17), instant(row, 18), instant(row, 19),
                instant(row, 20), row.getString(21), row.getString(22));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
