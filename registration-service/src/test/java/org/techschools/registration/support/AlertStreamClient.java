package org.techschools.registration.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subscriber of {@code GET /api/v1/alerts/stream} as an auditor's browser would be: reads the server-sent
 * events line by line and keeps each alert with the moment it arrived.
 */
public final class AlertStreamClient implements AutoCloseable {

    /** An alert as the stream delivered it, and when (System.nanoTime()). */
    public record Received(String eventId, JsonNode alert, long atNanos) {
    }

    // HTTP/1.1: Java's client would otherwise try an h2c upgrade, which Quarkus handles badly on a long-lived stream.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Received> alerts = new CopyOnWriteArrayList<>();
    private final CountDownLatch live = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private AlertStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "alert-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and returns once the server's first keep-alive shows it is subscribed to new alerts. */
    public static AlertStreamClient open(URI url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        AlertStreamClient client = new AlertStreamClient(response);
        if (!client.live.await(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("no keep-alive on the alert stream within 10 s");
        }
        return client;
    }

    public int status() {
        return response.statusCode();
    }

    public List<Received> alerts() {
        return List.copyOf(alerts);
    }

    /** Whether the server ended the stream within this time. */
    public boolean awaitEnd(Duration within) throws InterruptedException {
        return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.startsWith(":")) {
                    live.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    alerts.add(new Received(id, TestEvents.parse(data.toString()), System.nanoTime()));
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException e) {
            // The stream was closed by close(): nothing more to read.
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
