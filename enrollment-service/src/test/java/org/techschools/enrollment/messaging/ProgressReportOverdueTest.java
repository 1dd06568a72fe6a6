package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.enrollment.service.ProgressReports;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * 逾期未报: a province's 进展表 still unfiled after its due day (the 10th) is announced once on progress-report-events,
 * however many instances look at the same moment and however often; a filed month and a month not yet due never are.
 * The periodic look is off in the test profile: the test looks itself, as the scheduler does.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ProgressReportOverdueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEBEI = "130000";
    private static final String SHANXI = "140000";

    @Inject
    ProgressReports reports;

    @Test
    void anUnfiledReportPastItsDueDayIsAnnouncedOncePerProvinceAndMonth() throws Exception {
        // 河北 files August 2026 (due 10 September) late; 山西 files nothing.
        given().auth().oauth2(TestTokens.province(HEBEI)).post("/api/v1/progress-reports/{p}/{m}/filing", HEBEI, "2026-08").then()
                .statusCode(200).body("timeliness", org.hamcrest.Matchers.equalTo("LATE"));

        // Two instances looking at the same moment, then a later look: each overdue report goes out once.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reports::announceOverdue, instances);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reports::announceOverdue, instances);
            assertTrue(first.get() + second.get() > 0, "the overdue reports of 2026 were announced");
        } finally {
            instances.shutdown();
        }
        assertEquals(0, reports.announceOverdue(), "nothing new to announce");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> overdue(SHANXI, "2026-09").size() == 1);
        List<String> shanxiAugust = overdue(SHANXI, "2026-08");
        assertEquals(1, shanxiAugust.size(), "one ProgressReportOverdue per province and month");
        assertEquals(Set.of(), EventContracts.violations(shanxiAugust.get(0), "ProgressReportOverdue"));
        JsonNode event = JSON.readTree(shanxiAugust.get(0));
        assertEquals(SHANXI, event.get("aggregateId").asText());
        assertEquals("山西省", event.at("/payload/provinceName").asText());
        assertEquals("2026-09-10", event.at("/payload/dueOn").asText());
        assertEquals(1, overdue(SHANXI, "2026-09").size());
        assertEquals(List.of(), overdue(HEBEI, "2026-08"), "filed, even late: not overdue");
        assertEquals(1, overdue(HEBEI, "2026-09").size());
        assertEquals(List.of(), overdue(SHANXI, "2025-08"), "before the first year announced (2026)");
        assertEquals(List.of(), overdue(SHANXI, "2031-08"), "not yet due");
        // Every event carries its own province as the key, so one province's reminders stay in order.
        for (ConsumerRecord<String, String> r : records()) {
            assertEquals(JSON.readTree(r.value()).at("/payload/provinceCode").asText(), r.key());
        }
    }

    private static List<String> overdue(String province, String month) {
        return records().stream().map(ConsumerRecord::value)
                .filter(v -> v.contains("\"eventType\":\"ProgressReportOverdue\"") && v.contains("\"provinceCode\":\"" + province + "\"")
                        && v.contains("\"month\":\"" + month + "\""))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> records() {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "progress-report-events");
    }
}
