package org.techschools.quota.domain;

import java.util.List;

import org.techschools.commons.persistence.PlainSql;

/**
 * Delta writes to the counter tables (实际招生数, its rollups and 在籍学生数): each adds a batch's summed deltas to its
 * cells in one statement. A row is the cell's key values in column order followed by the delta; callers pass rows in
 * key order, so two transactions moving the same cells lock them in the same order.
 */
public final class CounterWrites {

    private static final List<String> CELL_TYPES = List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
            "int4", "varchar", "varchar", "int4");
    private static final List<String> SCHOOL_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "varchar",
            "int4");
    private static final List<String> CITY_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "int4");
    private static final List<String> GROUP_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "int4");
    private static final List<String> REGISTRATION_TYPES = List.of("varchar", "int4", "varchar", "varchar", "int4");

    private CounterWrites() {
    }

    /** Rows of school, province, city, major, class level, study mode, intake year, intake season, enrolled month. */
    public static void addToEnrollmentCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO enrollment_counter (school_code, province_code, city_code, major_code, class_level, study_mode,
                    intake_year, intake_season, enrolled_month, count)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::int[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (school_code, province_code, city_code, major_code, class_level, study_mode, intake_year,
                    intake_season, enrolled_month)
                DO UPDATE SET count = enrollment_counter.count + EXCLUDED.count""", CELL_TYPES, rows);
    }

    /** Rows of province, intake year, city, school, enrolled month, class level. */
    public static void addToSchoolCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO school_counter (province_code, intake_year, city_code, school_code, enrolled_month, class_level,
                    count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, enrolled_month, class_level)
                DO UPDATE SET count = school_counter.count + EXCLUDED.count""", SCHOOL_TYPES, rows);
    }

    /** Rows of province, intake year, city, enrolled month, class level. */
    public static void addToCityCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO city_counter (province_code, intake_year, city_code, enrolled_month, class_level, count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, enrolled_month, class_level)
                DO UPDATE SET count = city_counter.count + EXCLUDED.count""", CITY_TYPES, rows);
    }

    /** Rows of province, intake year, city, school, major, study mode. */
    public static void addToSchoolMajorCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO school_major_counter (province_code, intake_year, city_code, school_code, major_code, study_mode,
                    count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, major_code, study_mode)
                DO UPDATE SET count = school_major_counter.count + EXCLUDED.count""", SCHOOL_TYPES, rows);
    }

    /** Rows of province, intake year, city, school, priority group. */
    public static void addToPriorityGroupCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO priority_group_counter (province_code, intake_year, city_code, school_code, priority_group, count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, priority_group)
                DO UPDATE SET count = priority_group_counter.count + EXCLUDED.count""", GROUP_TYPES, rows);
    }

    /** 在籍学生数: rows of province, intake year, city, school. */
    public static void addToRegistrationCounter(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO registration_counter (province_code, intake_year, city_code, school_code, count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code)
                DO UPDATE SET count = registration_counter.count + EXCLUDED.count""", REGISTRATION_TYPES, rows);
    }
}
