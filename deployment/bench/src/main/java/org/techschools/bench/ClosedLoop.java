package org.techschools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Clients in a closed loop: each sends its next request as soon as the last one answered, until the end. Client c
 * takes steps c, c + 1, c + 2, …, so the clients start spread over the views a step picks by {@code k % views}.
 */
final class ClosedLoop {

    /** One request (or a page and its API call) of client {@code client}, the {@code k}-th step of the run. */
    interface Step {
        void run(int client, long k);
    }

    private ClosedLoop() {
    }

    /** Runs {@code clients} threads named {@code name-c} until {@code endNanos} (System.nanoTime) and waits for them. */
    static void run(int clients, String name, long endNanos, Step step) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (long k = client; System.nanoTime() < endNanos; k++) {
                    step.run(client, k);
                }
            }, name + "-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
