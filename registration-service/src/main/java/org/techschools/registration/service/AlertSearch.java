package org.techschools.registration.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheResult;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertFilter;
import org.techschools.registration.domain.AlertQueries;
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
    AlertDisclosure disclosure;

    /** One page: the alerts in listing order, as the caller is shown them, and the cursor of the next page (null at the end). */
    public record Page(List<AlertDisclosure.ShownAlert> alerts, String nextCursor) {
    }

    @Transactional
    public Page search(AlertFilter filter, Visibility visibility) {
        NewestFirstPage page = AlertQueries.page(filter, reader(visibility));
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

    /**
     * Counts per group ({@link AlertQueries#counts}), limited to what the caller may see.
     * <p>
     * Kept per filter, reader and grouping for {@code quarkus.cache.caffeine."alert-counts".expire-after-write} (1 s):
     * every opening of the workbench asks for two counts over all alerts in scope, and many people watch the same
     * list. Raising, resolving or moving an alert empties it on this instance; another instance's counts catch up
     * within that second.
     */
    @Transactional
    @CacheResult(cacheName = COUNTS)
    public List<AlertQueries.Group> stats(AlertFilter filter, Visibility visibility, AlertQueries.GroupBy groupBy) {
        return AlertQueries.counts(filter, reader(visibility), groupBy);
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

    private static AlertQueries.Reader reader(Visibility visibility) {
        return new AlertQueries.Reader(visibility.province(), visibility.city(), visibility.school());
    }
}
