package org.techschools.registration.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import org.techschools.commons.messaging.Backoff;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRaisedNotices;
import org.techschools.registration.domain.AlertRecord;

/**
 * New alerts as they commit, for the auditors' live stream (实时预警推送), from every instance of the service: the
 * transaction that stores an alert also sends its id (nothing else, never a person's data) with PostgreSQL's NOTIFY, and
 * each instance LISTENs on a connection of its own, loads the alerts named and hands them to its subscribers (an instance
 * without any loads nothing). The database delivers a notification only once the transaction has committed, so a
 * subscriber never sees an alert the list does not show. After a database outage the listener connects again; alerts
 * committed while it was away are not streamed (the client reads them from the list, as after any reconnect).
 */
@ApplicationScoped
public class AlertStream {

    private static final Logger LOG = Logger.getLogger(AlertStream.class);
    /** Alerts a subscriber may fall behind by before its stream fails (the client reconnects and reads the list). */
    static final int SUBSCRIBER_BUFFER = 10_000;
    /** How long one wait for notifications lasts; a quiet connection is checked with a query this often. */
    private static final int WAIT_MILLIS = 10_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    AlertDisclosure disclosure;

    private final BroadcastProcessor<AlertRaised> committed = BroadcastProcessor.create();
    /** Streams open on this instance: without any, the alerts other transactions raise are not loaded at all. */
    private final AtomicInteger subscribers = new AtomicInteger();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running;
    private volatile AlertRaisedNotices listening;
    private Thread listener;

    /** Listens before the service takes requests: a subscriber that connects once it is ready misses nothing. */
    void start(@Observes StartupEvent event) throws InterruptedException {
        running = true;
        listener = new Thread(this::listen, "alert-listener");
        listener.setDaemon(true);
        listener.start();
        if (!firstListen.await(10, TimeUnit.SECONDS)) {
            LOG.warn("alert stream: not listening yet; live alerts start once the database answers");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        AlertRaisedNotices notices = listening;
        if (notices != null) {
            closeQuietly(notices);
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The alerts committed from now on that the caller may see, as the alert list shows them, by the same rule. */
    public Multi<AlertDisclosure.ShownAlert> visibleTo(Visibility visibility) {
        return committed.onOverflow().buffer(SUBSCRIBER_BUFFER)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet)
                .filter(raised -> visibility.seesAny(raised.records()))
                .map(raised -> disclosure.showRaised(raised, visibility));
    }

    private void listen() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), MAX_BACKOFF);
        boolean lost = false;
        while (running) {
            try (AlertRaisedNotices notices = AlertRaisedNotices.listen(jdbcUrl, username, password)) {
                listening = notices;
                if (lost) {
                    LOG.info("alert stream: listening again; alerts committed while the database was away are in the list only");
                }
                firstListen.countDown();
                backoff.reset();
                while (running) {
                    List<UUID> raised = notices.next(WAIT_MILLIS);
                    // Read even without subscribers: a listener that stops reading holds back the server's notification
                    // queue for every instance.
                    if (!raised.isEmpty() && subscribers.get() > 0) {
                        publish(raised);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                lost = true;
                LOG.warnf("alert stream: not listening (%s); connecting again in %d ms", e.getClass().getSimpleName(),
                        backoff.nextMillis());
                // Interrupted only when the service stops: the loop then ends on running.
                backoff.pause();
            } finally {
                listening = null;
            }
        }
    }

    /** Loads the alerts named (in the order they committed) and hands each to every subscriber. */
    private void publish(List<UUID> notified) {
        Set<UUID> ids = new LinkedHashSet<>(notified);
        List<AlertRaised> raised = new ArrayList<>(ids.size());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Map<UUID, Alert> alerts = Alert.<Alert> list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(a -> a.id, a -> a));
                Map<UUID, List<AlertRecord>> records = AlertRecord.ofAlerts(ids).stream()
                        .collect(Collectors.groupingBy(r -> r.alertId));
                for (UUID id : ids) {
                    // Gone already when a registry rebuild emptied the alerts meanwhile.
                    if (alerts.containsKey(id)) {
                        raised.add(new AlertRaised(alerts.get(id), records.getOrDefault(id, List.of())));
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("alert stream: %d new alerts not streamed, the database did not answer (%s); they are in the list",
                    ids.size(), e.getClass().getSimpleName());
            return;
        }
        raised.forEach(committed::onNext);
    }

    private static void closeQuietly(AlertRaisedNotices notices) {
        try {
            notices.close();
        } catch (SQLException e) {
            LOG.debug("closing the alert listener's connection", e);
        }
    }
}
