package org.techschools.registration.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheResult;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.paging.NewestFirstPage;

/**
 * Reads alerts for auditors and offices, limited to what the caller may see, a page at a time, each as the caller is
 * shown it ({@link AlertDisclosure}).
 */
@ApplicationScoped
public class AlertSearch {

    /** The cache of {@link #stats}, emptied by every change of an alert's status. */
    public static final String COUNTS = "alert-counts";

    @Inject
    EntityManager em;

    @Inject
    AlertDisclosure disclosure;

    /** One page: the alerts in listing order, as the caller is shown them, and the cursor of the next page (null at the end). */
    public record Page(List<AlertDisclosure.ShownAlert> alerts, String nextCursor) {
    }

    @Transactional
    public Page search(AlertFilter filter, Visibility visibility) {
        Map<String, Object> params = new LinkedHashMap<>();
        NewestFirstPage page = NewestFirstPage.of(em, "alert", where(filter, visibility, params), params, filter.after(),
                filter.limit());
        List<UUID> ids = page.ids();
        boolean more = page.more();
        Map<UUID, Alert> byId = ids.isEmpty() ? Map.of()
                : Alert.<Alert>list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Alert> alerts = ids.stream().map(byId::get).toList();
        Map<UUID, List<AlertRecord>> records = AlertRecord.ofAlerts(ids).stream()
                .collect(Collectors.groupingBy(r -> r.alertId));
        String next = more ? new KeysetCursor(alerts.get(alerts.size() - 1).raisedAt, alerts.get(alerts.size() - 1).id).encode()
                : null;
        return new Page(disclosure.show(alerts, records, visibility), next);
    }

    /** Alert count per group (type, status, or the city or school of the records named), for the same filters as the listing. */
    public enum GroupBy {
        TYPE("a.type", ""),
        STATUS("a.status", ""),
        CITY("g.city_code", " JOIN alert_record g ON g.alert_id = a.id"),
        SCHOOL("g.school_code", " JOIN alert_record g ON g.alert_id = a.id");

        final String column;
        final String join;

        GroupBy(String column, String join) {
            this.column = column;
            this.join = join;
        }
    }

    public record Group(String key, long count, long open) {
    }

    /**
     * Counts per group; an alert naming records in two cities counts once in each (and once in the total).
     * Within a city or school grouping, only the caller's visible records form groups.
     * <p>
     * Kept per filter, reader and grouping for {@code quarkus.cache.caffeine."alert-counts".expire-after-write} (1 s):
     * every opening of the workbench asks for two counts over all alerts in scope, and many people watch the same
     * list. Raising, resolving or moving an alert empties it on this instance; another instance's counts catch up
     * within that second.
     */
    @Transactional
    @CacheResult(cacheName = COUNTS)
    @SuppressWarnings("unchecked")
    public List<Group> stats(AlertFilter filter, Visibility visibility, GroupBy groupBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        // Without a join each alert is one row, and COUNT(*) spares the sort that DISTINCT costs (a third of the time).
        String count = groupBy.join.isEmpty() ? "COUNT(*)" : "COUNT(DISTINCT a.id)";
        StringBuilder sql = new StringBuilder("SELECT ").append(groupBy.column).append(", ").append(count).append(", ")
                .append(count).append(" FILTER (WHERE a.status IN ('OPEN', 'INVESTIGATING'))")
                .append(" FROM alert a").append(groupBy.join).append(" WHERE ").append(where(filter, visibility, params));
        if (!groupBy.join.isEmpty()) {
            // The group's record itself must be visible: a school does not see counts for the other school of a pair.
            if (visibility.province() != null) {
                sql.append(" AND g.province_code = :gProvince");
                params.put("gProvince", visibility.province());
            }
            if (visibility.city() != null) {
                sql.append(" AND g.city_code = :gCity");
                params.put("gCity", visibility.city());
            }
            if (visibility.school() != null) {
                sql.append(" AND g.school_code = :gSchool");
                params.put("gSchool", visibility.school());
            }
        }
        sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Group((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The filter's conditions and the caller's limit, as SQL over alias {@code a}; parameters go to {@code params}. */
    private static String where(AlertFilter filter, Visibility visibility, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("TRUE");
        condition(sql, params, "a.type = :type", "type", filter.type() == null ? null : filter.type().name());
        condition(sql, params, "a.status = :status", "status", filter.status() == null ? null : filter.status().name());
        condition(sql, params, "a.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name());
        condition(sql, params, "a.raised_at >= :from", "from", filter.from());
        condition(sql, params, "a.raised_at < :to", "to", filter.to());
        namesRecordWhere(sql, params, "vis", visibility.province(), visibility.city(), visibility.school(), null);
        // The filters match only records the caller sees in full: asking for a school on the other side of an unshared
        // alert must not tell which school that is.
        namesRecordWhere(sql, params, "flt", filter.province(), filter.city(), filter.school(), visibility);
        return sql.toString();
    }

    /** The alert as the caller is shown it, if it exists and the caller may see it. */
    @Transactional
    public Optional<AlertDisclosure.ShownAlert> find(UUID id, Visibility visibility) {
        Alert alert = Alert.findById(id);
        List<AlertRecord> records = AlertRecord.ofAlerts(List.of(id));
        if (alert == null || !visibility.seesAny(records)) {
            return Optional.empty();
        }
        return Optional.of(disclosure.show(alert, records, visibility));
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.put(name, value);
        }
    }

    /**
     * The alert names at least one record in this province / city / school (each optional); with {@code seenBy}, a
     * record that reader sees in full (in its scope, whose parameters the "vis" condition bound, or the alert shared).
     */
    private static void namesRecordWhere(StringBuilder sql, Map<String, Object> params, String alias, String province,
            String city, String school, Visibility seenBy) {
        if (province == null && city == null && school == null) {
            return;
        }
        sql.append(" AND EXISTS (SELECT 1 FROM alert_record ").append(alias).append(" WHERE ").append(alias)
                .append(".alert_id = a.id");
        scopeOf(sql, alias, alias, province, city, school);
        putScope(params, alias, province, city, school);
        if (seenBy != null && !seenBy.unlimited()) {
            sql.append(" AND (a.shared_at IS NOT NULL OR (TRUE");
            scopeOf(sql, alias, "vis", seenBy.province(), seenBy.city(), seenBy.school());
            sql.append("))");
        }
        sql.append(")");
    }

    /** Conditions that record {@code alias} lies in this province / city / school, bound to parameters named after {@code names}. */
    private static void scopeOf(StringBuilder sql, String alias, String names, String province, String city, String school) {
        if (province != null) {
            sql.append(" AND ").append(alias).append(".province_code = :").append(names).append("Province");
        }
        if (city != null) {
            sql.append(" AND ").append(alias).append(".city_code = :").append(names).append("City");
        }
        if (school != null) {
            sql.append(" AND ").append(alias).append(".school_code = :").append(names).append("School");
        }
    }

    private static void putScope(Map<String, Object> params, String names, String province, String city, String school) {
        if (province != null) {
            params.put(names + "Province", province);
        }
        if (city != null) {
            params.put(names + "City", city);
        }
        if (school != null) {
            params.put(names + "School", school);
        }
    }
}
