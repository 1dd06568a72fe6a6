package org.techschools.registration.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.persistence.PlainSql;

/** Reads the 学籍名册 in registration order (registered_at, id), one keyset page at a time. */
public final class RollQueries {

    private static final String SELECT = "SELECT r.id, r.enrollment_id, r.school_code, r.source_record_id, r.name,"
            + " r.id_number_masked, r.gender, r.birth_date, r.status, r.class_level, r.major_code, r.study_mode,"
            + " r.intake_year, r.intake_season, r.enrolled_on, r.province_code, r.city_code, r.registered_at, r.updated_at,"
            + " r.ended_at, f.school_code, t.school_code FROM registration r"
            + " LEFT JOIN registration f ON f.id = r.transferred_from LEFT JOIN registration t ON t.id = r.transferred_to";

    private RollQueries() {
    }

    /**
     * Up to {@code rows} entries matching {@code filter} within the caller's narrowest limit (school, else city, else
     * province; all null for no limit), after {@code filter.after()}.
     */
    public static List<RollEntry> entries(RollFilter filter, String scopeSchool, String scopeCity, String scopeProvince,
            int rows) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (scopeSchool != null) {
            where.add("r.school_code = ?");
            parameters.add(scopeSchool);
        } else if (scopeCity != null) {
            where.add("r.city_code = ?");
            parameters.add(scopeCity);
        } else if (scopeProvince != null) {
            where.add("r.province_code = ?");
            parameters.add(scopeProvince);
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
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY r.registered_at, r.id LIMIT " + rows;
        return PlainSql.list(sql, RollQueries::entry, parameters.toArray());
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

    private static RollEntry entry(ResultSet row) throws SQLException {
        return new RollEntry(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
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
