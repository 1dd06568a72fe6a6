package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.CounterWrites;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.PriorityGroup;

/**
 * 实际招生数: the {@code enrollment_counter} cells and the rollups the dashboards read ({@code school_counter},
 * {@code city_counter}, {@code school_major_counter}, {@code priority_group_counter}), moved by deltas inside the transaction that applies a batch of events. The deltas
 * of a batch are summed in memory first and written with one statement per table.
 */
@ApplicationScoped
public class EnrollmentCounters {

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
        CounterWrites.addToEnrollmentCounter(sorted(cells));
        CounterWrites.addToSchoolCounter(rows(schools));
        CounterWrites.addToCityCounter(rows(cities));
        CounterWrites.addToSchoolMajorCounter(rows(majors));
        CounterWrites.addToPriorityGroupCounter(rows(deltas.groups));
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
