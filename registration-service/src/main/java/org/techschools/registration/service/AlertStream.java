package org.techschools.registration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * New alerts as they commit, for the auditors' live stream (实时预警推送). An alert is broadcast only once
 * the transaction that raised it has committed, so a subscriber never sees an alert the list does not show.
 */
@ApplicationScoped
public class AlertStream {

    /** Alerts a subscriber may fall behind by before its stream fails (the client reconnects and reads the list). */
    static final int SUBSCRIBER_BUFFER = 10_000;

    private final BroadcastProcessor<AlertRaised> committed = BroadcastProcessor.create();

    /** Synchronized: alerts commit on the consumer thread and on request threads (rosters, lifecycle) at once. */
    synchronized void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRaised raised) {
        committed.onNext(raised);
    }

    /** The alerts committed from now on that the caller may see, by the same rule as the alert list. */
    public Multi<AlertRaised> visibleTo(Visibility visibility) {
        return committed.onOverflow().buffer(SUBSCRIBER_BUFFER)
                .filter(raised -> visibility.seesAny(raised.records()));
    }
}
