package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.PriorityGroup;
import org.techschools.commons.persistence.PlainSql;

/**
 * 实际招生数: the {@code enrollment_counter} cells and the rollups the dashboards read ({@code school_counter},
 * {@code city_counter}, {@code school_major_counter}, {@code priority_group_counter}), moved by deltas inside the transaction that applies a batch of events. The deltas
 * of a batch are summed in memory first and written with one statement per table.
 */
@ApplicationScoped
public class EnrollmentCounters {

    private static final List<String> CELL_TYPES = List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
            "int4", "varchar", "varchar", "int4");
    private static final List<String> SCHOOL_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "varchar",
            "int4");
    private static final List<String> CITY_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "int4");
    private static final List<String> GROUP_TYPES = List.of("varchar", "int4", "varchar", "varchar", "varchar", "int4");

    @Inject
    EntityManager em;

    /** The counter changes of one batch, not yet written. */
    public static final class Deltas {

        private final Map<CounterKey, Integer> cells = new HashMap<>();
        private final Map<List<Object>, Integer> groups = new HashMap<>();

        /** Adds {@code delta} (+1 or −1) for the record in its current state to every counter it falls in. */
        public void count(EnrollmentFact fact, int delta) {
            CounterKey key = fact.counterKey();
            cells.merge(key, delta, Integer::sum);
            for (PriorityGroup group : PriorityGroup.of(fact.sourceCategory, fact.priorityFlags)) {
                groups.merge(List.of(key.provinceCode(), key.intakeYear(), key.cityCode(), key.schoolCode(), group.name()),
                        delta, Integer::sum);
            }
        }
    }

    /** Writes the batch's deltas; cells whose changes cancel out are not touched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Deltas deltas) {
        List<Object[]> cells = new ArrayList<>();
        Map<List<Object>, Integer> schools = new HashMap<>();
        Map<List<Object>, Integer> cities = new HashMap<>();
        Map<List<Object>, Integer> majors = new HashMap<>();
        deltas.cells.forEach((key, delta) -> {
            if (delta != 0) {
                cells.add(new Object[] { key.schoolCode(), key.provinceCode(), key.cityCode(), key.majorCode(),
                        key.classLevel(), key.studyMode(), key.intakeYear(), key.intakeSeason(), key.enrolledMonth(), delta });
                schools.merge(List.of(key.provinceCode(), key.intakeYear(), key.cityCode(), key.schoolCode(),
                        key.enrolledMonth(), key.classLevel()), delta, Integer::sum);
                cities.merge(List.of(key.provinceCode(), key.intakeYear(), key.cityCode(), key.enrolledMonth(),
                        key.classLevel()), delta, Integer::sum);
                majors.merge(List.of(key.provinceCode(), key.intakeYear(), key.cityCode(), key.schoolCode(),
                        key.majorCode(), key.studyMode()), delta, Integer::sum);
            }
        });
        PlainSql.bulk("""
                INSERT INTO enrollment_counter (school_code, province_code, city_code, major_code, class_level, study_mode,
                    intake_year, intake_season, enrolled_month, count)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::int[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (school_code, province_code, city_code, major_code, class_level, study_mode, intake_year,
                    intake_season, enrolled_month)
                DO UPDATE SET count = enrollment_counter.count + EXCLUDED.count""", CELL_TYPES, sorted(cells));
        PlainSql.bulk("""
                INSERT INTO school_counter (province_code, intake_year, city_code, school_code, enrolled_month, class_level,
                    count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, enrolled_month, class_level)
                DO UPDATE SET count = school_counter.count + EXCLUDED.count""", SCHOOL_TYPES, rows(schools));
        PlainSql.bulk("""
                INSERT INTO city_counter (province_code, intake_year, city_code, enrolled_month, class_level, count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, enrolled_month, class_level)
                DO UPDATE SET count = city_counter.count + EXCLUDED.count""", CITY_TYPES, rows(cities));
        PlainSql.bulk("""
                INSERT INTO school_major_counter (province_code, intake_year, city_code, school_code, major_code, study_mode,
                    count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, major_code, study_mode)
                DO UPDATE SET count = school_major_counter.count + EXCLUDED.count""", SCHOOL_TYPES, rows(majors));
        PlainSql.bulk("""
                INSERT INTO priority_group_counter (province_code, intake_year, city_code, school_code, priority_group, count)
                SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                ON CONFLICT (province_code, intake_year, city_code, school_code, priority_group)
                DO UPDATE SET count = priority_group_counter.count + EXCLUDED.count""", GROUP_TYPES, rows(deltas.groups));
    }

    /** Key values followed by the delta, zero deltas left out. */
    private static List<Object[]> rows(Map<List<Object>, Integer> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                List<Object> row = new ArrayList<>(key);
                row.add(delta);
                rows.add(row.toArray());
            }
        });
        return sorted(rows);
    }

    /**
     * In key order: two transactions moving the same cells lock them in the same order, so they wait for each other
     * instead of deadlocking.
     */
    private static List<Object[]> sorted(List<Object[]> rows) {
        rows.sort(Comparator.comparing(row -> Arrays.toString(Arrays.copyOf(row, row.length - 1))));
        return rows;
    }
}
