package org.techschools.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The traffic of the crash scenarios: N enrollment records pushed through {@code POST /api/v1/enrollments/batch}
 * into school A, one person in a hundred also enrolled full-time at school B (a planted 双重学籍, in a small batch
 * right after the person's batch at A). Like a school system, it sends a batch again until it is accepted: after
 * Retry-After on a 503, after a second when the service does not answer. Every answer is logged with its time.
 */
final class EnrollmentStream {

    /** One HTTP answer: when it was sent and came back, its status (-1: no answer, e.g. connection refused). */
    record Answer(long sentNanos, long answeredNanos, int status, boolean problemJson, String retryAfter, int items) {
    }

    record Batch(String school, String token, List<Map<String, Object>> items) {
    }

    private static final int DOUBLE_EVERY = 100;
    private static final long GIVE_UP_NANOS = 300_000_000_000L;
    final String schoolA;
    final String schoolB;
    final int records;
    final int batchSize;
    /** Planted doubles: sourceRecordId at A -> sourceRecordId at B. */
    final Map<String, String> planted = new ConcurrentHashMap<>();
    /** Every record a 2xx answer accepted: "school/sourceRecordId" -> enrollment id. */
    final Map<String, UUID> accepted = new ConcurrentHashMap<>();
    final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private final LocalPlatform platform;
    private final List<Batch> batches = new ArrayList<>();
    private final int personOffset = ThreadLocalRandom.current().nextInt(Workload.Person.DISTINCT);
    private final AtomicInteger probes = new AtomicInteger();

    EnrollmentStream(LocalPlatform platform, String tag, int records) throws IOException, InterruptedException {
        this.platform = platform;
        this.records = records;
        // At least 20 batches, so that a fault at a quarter of the records falls in the middle of the push.
        this.batchSize = Math.max(10, Math.min(1_000, records / 20));
        this.schoolA = Workload.createSchool(platform, tag + "A", "330100");
        this.schoolB = Workload.createSchool(platform, tag + "B", "330200");
        String tokenA = platform.token("school", "--school", schoolA);
        String tokenB = platform.token("school", "--school", schoolB);
        int doubles = Math.max(1, records / DOUBLE_EVERY);
        int single = records - doubles;
        int person = 0;
        for (int from = 0; from < single; from += batchSize) {
            List<Map<String, Object>> atA = new ArrayList<>();
            List<Map<String, Object>> atB = new ArrayList<>();
            for (int i = from; i < Math.min(single, from + batchSize); i++) {
                Workload.Person p = Workload.Person.distinct(personOffset + person++);
                atA.add(Workload.enrollment(schoolA, "R-" + i, p));
                // Spread evenly: the k-th double is the person at index k * single / doubles.
                if (planted.size() < doubles && (long) planted.size() * single / doubles == i) {
                    atB.add(Workload.enrollment(schoolB, "D-" + i, p));
                    planted.put("R-" + i, "D-" + i);
                }
            }
            batches.add(new Batch(schoolA, tokenA, atA));
            if (!atB.isEmpty()) {
                batches.add(new Batch(schoolB, tokenB, atB));
            }
        }
    }

    int acceptedCount() {
        return acceptedCount.get();
    }

    /** Blocks until at least {@code n} records were accepted (or the push is over). */
    void awaitAccepted(int n, Thread pusher) throws InterruptedException {
        while (acceptedCount.get() < n && pusher.isAlive()) {
            Thread.sleep(20);
        }
    }

    /** Pushes every batch until it is accepted; fails when one is not accepted within five minutes. */
    void pushAll() throws Exception {
        String url = platform.enrollmentUrl() + "/api/v1/enrollments/batch";
        for (Batch batch : batches) {
            String body = Workload.JSON.writeValueAsString(Map.of("items", batch.items()));
            long first = System.nanoTime();
            while (true) {
                Answer answer = send(url, batch.token(), body, batch.items());
                if (answer.status() == 200) {
                    break;
                }
                if (System.nanoTime() - first > GIVE_UP_NANOS) {
                    throw new IllegalStateException("a batch of " + batch.school() + " was not accepted within 5 minutes; last answer "
                            + answer.status());
                }
                Thread.sleep(retryDelayMillis(answer));
            }
        }
    }

    /** R2: one more single POST of a new record at school A; a 2xx joins the accepted records. */
    Answer probe() throws Exception {
        int n = probes.getAndIncrement();
        Map<String, Object> record = Workload.enrollment(schoolA, "P-" + n, Workload.Person.distinct(personOffset + records + n));
        return send(platform.enrollmentUrl() + "/api/v1/enrollments", platform.token("school", "--school", schoolA),
                Workload.JSON.writeValueAsString(record), List.of(record));
    }

    private Answer send(String url, String token, String body, List<Map<String, Object>> items) throws InterruptedException {
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = platform.http.send(platform.postRequest(url, token, body), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(sent, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().firstValue("Retry-After").orElse(null), items.size());
            if (response.statusCode() / 100 == 2) {
                accept(Workload.JSON.readTree(response.body()), items);
            }
        } catch (IOException e) {
            answer = new Answer(sent, System.nanoTime(), -1, false, null, items.size());
        }
        answers.add(answer);
        return answer;
    }

    /** Notes the enrollment id of every accepted item: a batch answers per item in request order, a single POST with the record. */
    private void accept(JsonNode answer, List<Map<String, Object>> items) {
        JsonNode results = answer.path("results");
        for (int i = 0; i < items.size(); i++) {
            JsonNode result = results.isArray() ? results.get(i) : answer;
            String outcome = result.path("status").asText();
            String key = items.get(i).get("schoolCode") + "/" + items.get(i).get("sourceRecordId");
            if ("REJECTED".equals(outcome)) {
                throw new IllegalStateException("the service rejected a valid record " + key + ": " + result.path("errors"));
            }
            if ("UNCHANGED".equals(outcome)) {
                unchanged.incrementAndGet();
            }
            if (accepted.put(key, UUID.fromString(result.path("id").asText())) == null) {
                acceptedCount.incrementAndGet();
            }
        }
    }

    private static long retryDelayMillis(Answer answer) {
        if (answer.retryAfter() != null) {
            try {
                return Math.min(30, Long.parseLong(answer.retryAfter().trim())) * 1000;
            } catch (NumberFormatException e) {
                return 1000;
            }
        }
        return 1000;
    }
}
