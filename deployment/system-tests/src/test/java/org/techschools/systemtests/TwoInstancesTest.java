package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * Two instances of each service on the same databases and consumer groups, each on a port of its own, as a load
 * balancer would spread users over them: schools and enrollments go in through either enrollment-service, every planted
 * double registration (its two records pushed through different instances) raises exactly one alert, which both
 * registration-service instances list and whose live stream on each instance pushes it (so the instance that did not
 * raise it streams it too), the check results come back to either enrollment-service, both quota-services count the
 * same, and a registry rebuild started on one instance is the one the other shows.
 */
class TwoInstancesTest {

    private static final String ENROLLMENT = "enrollment-service";
    private static final String REGISTRATION = "registration-service";
    private static final String QUOTA = "quota-service";
    private static final int DOUBLES = 6;
    private static final String HANGZHOU_SCHOOL = "TWO-HZ-01";
    private static final String NINGBO_SCHOOL = "TWO-NB-01";
    private static final List<String> NAMES = List.of("王芳", "陈静", "刘洋", "赵磊", "孙丽", "周杰", "吴敏", "郑强");
    /** Picked at random, so no other system test's record (on the shared broker) names an ID of this run. */
    private static final LocalDate FIRST_BORN = LocalDate.of(2008, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(600));

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        long started = System.nanoTime();
        platform = new RunningPlatform().startTwoOfEach();
        System.out.printf("two instances of each service ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyInstanceServesTheFlowAndEveryAlertReachesTheStreamOfEachInstance() throws Exception {
        PlatformRequests.createSchool(platform.url(ENROLLMENT, 1), HANGZHOU_SCHOOL, "330100", "TECHNICIAN_COLLEGE");
        PlatformRequests.createSchool(platform.url(ENROLLMENT, 2), NINGBO_SCHOOL, "330200", "TECHNICAL_SCHOOL");
        // Records of system tests before this one that their platform stopped before committing are counted first.
        TopicRecords.awaitConsumed(platform.bootstrapServers(), QUOTA, "enrollment-events", Duration.ofSeconds(60));
        long countedBefore = progressActual(platform.url(QUOTA, 1));

        // A first record through each instance, checked CLEAN: both instances' consumers have joined their groups.
        push(platform.url(ENROLLMENT, 1), HANGZHOU_SCHOOL, "HZ-WARM", person(0));
        push(platform.url(ENROLLMENT, 2), NINGBO_SCHOOL, "NB-WARM", person(1));
        awaitCheckStatus(platform.url(ENROLLMENT, 2), HANGZHOU_SCHOOL, "HZ-WARM", "CLEAN", Duration.ofSeconds(60));
        awaitCheckStatus(platform.url(ENROLLMENT, 1), NINGBO_SCHOOL, "NB-WARM", "CLEAN", Duration.ofSeconds(60));

        Map<String, Long> secondPushedAt = new ConcurrentHashMap<>();
        try (AlertStream onFirst = AlertStream.open(platform.url(REGISTRATION, 1));
                AlertStream onSecond = AlertStream.open(platform.url(REGISTRATION, 2))) {
            // Each person's two records through different instances, which one first alternating.
            for (int i = 0; i < DOUBLES; i++) {
                Person person = person(2 + i);
                int first = 1 + i % 2;
                push(platform.url(ENROLLMENT, first), HANGZHOU_SCHOOL, "HZ-" + i, person);
                push(platform.url(ENROLLMENT, 3 - first), NINGBO_SCHOOL, "NB-" + i, person);
                secondPushedAt.put("NB-" + i, System.nanoTime());
            }

            // Exactly one alert per planted double, the same through either registration-service.
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> doubles(platform.url(REGISTRATION, 2)).getList("items").size() >= DOUBLES);
            TopicRecords.awaitConsumed(platform.bootstrapServers(), REGISTRATION, "enrollment-events", Duration.ofSeconds(60));
            List<String> alertIds = new ArrayList<>();
            for (int instance = 1; instance <= 2; instance++) {
                JsonPath alerts = doubles(platform.url(REGISTRATION, instance));
                assertEquals(DOUBLES, alerts.getList("items").size(), "alerts listed by registration-service " + instance);
                Set<String> pairs = new TreeSet<>();
                for (int a = 0; a < DOUBLES; a++) {
                    List<String> records = alerts.getList("items[" + a + "].records.sourceRecordId", String.class).stream()
                            .sorted().toList();
                    pairs.add(String.join(" ", records));
                    if (instance == 1) {
                        alertIds.add(alerts.getString("items[" + a + "].id"));
                    }
                }
                Set<String> planted = new TreeSet<>();
                for (int i = 0; i < DOUBLES; i++) {
                    planted.add("HZ-" + i + " NB-" + i);
                }
                assertEquals(planted, pairs, "each alert names the two records of one planted person");
            }

            // Every alert on both streams, once each: whichever instance raised it, the other one's stream pushed it too.
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> onFirst.received().keySet().containsAll(alertIds) && onSecond.received().keySet().containsAll(alertIds));
            for (String id : alertIds) {
                assertEquals(1, onFirst.times(id), "alert streamed once by instance 1");
                assertEquals(1, onSecond.times(id), "alert streamed once by instance 2");
            }
            List<Long> apart = new ArrayList<>();
            long slowest = 0;
            for (String id : alertIds) {
                apart.add(Math.abs(onFirst.received().get(id) - onSecond.received().get(id)) / 1_000_000);
            }
            apart.sort(null);
            JsonPath alerts = doubles(platform.url(REGISTRATION, 1));
            for (int a = 0; a < DOUBLES; a++) {
                String id = alerts.getString("items[" + a + "].id");
                String ningbo = alerts.getList("items[" + a + "].records.sourceRecordId", String.class).stream()
                        .filter(r -> r.startsWith("NB-")).findFirst().orElseThrow();
                long arrived = Math.max(onFirst.received().get(id), onSecond.received().get(id));
                slowest = Math.max(slowest, arrived - secondPushedAt.get(ningbo));
            }
            System.out.printf("%d alerts streamed by both instances; ms between the two streams, each alert: %s; second record's"
                    + " POST to the later stream at most %d ms%n", DOUBLES, apart, slowest / 1_000_000);
        }

        // The check results come back to either enrollment-service; both quota-services count the same.
        for (int i = 0; i < DOUBLES; i++) {
            awaitCheckStatus(platform.url(ENROLLMENT, 1 + i % 2), HANGZHOU_SCHOOL, "HZ-" + i, "FLAGGED", Duration.ofSeconds(30));
            awaitCheckStatus(platform.url(ENROLLMENT, 2 - i % 2), NINGBO_SCHOOL, "NB-" + i, "FLAGGED", Duration.ofSeconds(30));
        }
        long counted = countedBefore + 2 + 2L * DOUBLES;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> progressActual(platform.url(QUOTA, 2)) == counted);
        assertEquals(counted, progressActual(platform.url(QUOTA, 1)));

        // A rebuild started on instance 2 is the one instance 1 shows (RegistryRebuildTest: the second start is refused).
        JsonPath started = given().baseUri(platform.url(REGISTRATION, 2)).auth().oauth2(TestTokens.national())
                .post("/api/v1/registry/rebuild").then().statusCode(202).extract().jsonPath();
        JsonPath seen = rebuildStatus(platform.url(REGISTRATION, 1));
        assertEquals(started.getString("startedAt"), seen.getString("startedAt"), "instance 1 shows instance 2's rebuild");
        assertEquals(started.getString("requestedBy"), seen.getString("requestedBy"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"RUNNING".equals(rebuildStatus(platform.url(REGISTRATION, 1)).getString("state")));
        assertEquals("DONE", rebuildStatus(platform.url(REGISTRATION, 1)).getString("state"));
        assertEquals(DOUBLES, doubles(platform.url(REGISTRATION, 1)).getList("items").size(), "rebuilt: one alert per double");
        assertTrue(rebuildStatus(platform.url(REGISTRATION, 2)).getLong("eventsApplied") >= 2 + 2L * DOUBLES);
    }

    /** A person of this run, born on a day of their own (no two alike enough for a PROBABLE_DUPLICATE). */
    private record Person(String idNumber, String name, LocalDate born) {
    }

    private static Person person(int n) {
        LocalDate born = FIRST_BORN.plusDays(3L * n);
        return new Person(ResidentIds.of("330110", born, false), NAMES.get(n), born);
    }

    private static void push(String enrollment, String school, String record, Person person) {
        Map<String, Object> body = PlatformRequests.enrollmentOf(school, record, person.idNumber());
        body.put("student", Map.of("idType", "RESIDENT_ID", "idNumber", person.idNumber(), "name", person.name(), "gender",
                "FEMALE", "birthDate", person.born().toString()));
        given().baseUri(enrollment).auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then().statusCode(201);
    }

    private static JsonPath doubles(String registration) {
        return given().baseUri(registration).auth().oauth2(TestTokens.auditor()).queryParam("type", "DOUBLE_REGISTRATION")
                .queryParam("school", HANGZHOU_SCHOOL).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath rebuildStatus(String registration) {
        return given().baseUri(registration).auth().oauth2(TestTokens.national()).get("/api/v1/registry/rebuild").then()
                .statusCode(200).extract().jsonPath();
    }

    private static long progressActual(String quota) {
        return given().baseUri(quota).auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", PlatformRequests.INTAKE_YEAR).queryParam("province", "330000").get("/api/v1/progress")
                .then().statusCode(200).extract().jsonPath().getLong("actual");
    }

    private static void awaitCheckStatus(String enrollment, String school, String record, String status, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> status.equals(
                given().baseUri(enrollment).auth().oauth2(TestTokens.school(school))
                        .get("/api/v1/enrollments/{s}/{r}", school, record).then().statusCode(200).extract().path("checkStatus")));
    }

    /** An auditor's browser on {@code GET /api/v1/alerts/stream} of one instance: each alert's id and when it came. */
    private static final class AlertStream implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private final Map<String, Long> received = new ConcurrentHashMap<>();
        private final Map<String, Integer> times = new ConcurrentHashMap<>();
        private final CountDownLatch live = new CountDownLatch(1);
        private final HttpResponse<Stream<String>> response;

        private AlertStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "alert-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Returns once the first keep-alive shows the stream is subscribed. */
        static AlertStream open(String registration) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(registration + "/api/v1/alerts/stream"))
                    .header("Authorization", "Bearer " + TestTokens.auditor()).header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode(), "alert stream of " + registration);
            AlertStream stream = new AlertStream(response);
            assertTrue(stream.live.await(10, TimeUnit.SECONDS), "keep-alive of " + registration);
            return stream;
        }

        /** Alert id → System.nanoTime() when the event arrived. */
        Map<String, Long> received() {
            return new HashMap<>(received);
        }

        /** How often the stream pushed this alert. */
        int times(String alertId) {
            return times.getOrDefault(alertId, 0);
        }

        private void read() {
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith(":")) {
                        live.countDown();
                    } else if (line.startsWith("id:")) {
                        String id = line.substring(3).trim();
                        received.putIfAbsent(id, System.nanoTime());
                        times.merge(id, 1, Integer::sum);
                    }
                }
            } catch (RuntimeException e) {
                // closed
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
