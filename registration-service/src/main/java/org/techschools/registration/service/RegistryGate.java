package org.techschools.registration.service;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides who applies enrollment events to the registry: the live consumer, or a running rebuild (重建学籍库)
 * that replays {@code enrollment-events} from the beginning. While a rebuild runs, the live consumer leaves its
 * events to the rebuild, which reads the topic to its end; the handover back happens under the write lock, so
 * no event falls between the two.
 */
@ApplicationScoped
public class RegistryGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private boolean rebuilding;

    /**
     * Applies a live event unless a rebuild owns the registry.
     *
     * @return false when the event was left to the running rebuild
     */
    public boolean live(Runnable apply) {
        lock.readLock().lock();
        try {
            if (rebuilding) {
                return false;
            }
            apply.run();
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} while no live event is being applied, and then sets whether a rebuild owns the registry. */
    <T> T exclusively(Supplier<T> work, boolean rebuildingAfter) {
        lock.writeLock().lock();
        try {
            T result = work.get();
            rebuilding = rebuildingAfter;
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Hands the registry back to the live consumer (after a failed rebuild too). */
    void reopen() {
        exclusively(() -> null, false);
    }
}
