package org.techschools.registration.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * What registration-service writes on registration-events honours the JSON schemas, carries no ID
 * number, and turns the FIRST record of a double registration FLAGGED too.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationEventsContractTest {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");

    @Test
    void checkResultsFlagBothRecordsAndHonourTheContract() {
        String person = TestEvents.personKey();
        Enrollment first = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment second = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, first.recorded());
        Alerts.awaitChecked(first, 1);
        assertThat(TestEvents.checkResultsOf(first).get(0).path("checkStatus").asText(), equalTo("CLEAN"));

        sendEnrollmentEvent(person, second.recorded());
        Alerts.awaitChecked(second, 1);
        Alerts.awaitChecked(first, 2);

        Map<String, Object> alert = Alerts.awaitCount(first.schoolCode, "DOUBLE_REGISTRATION", 1).get(0);
        JsonNode latestOfFirst = latest(TestEvents.checkResultsOf(first));
        assertThat(latestOfFirst.path("checkStatus").asText(), equalTo("FLAGGED"));
        assertThat(ids(latestOfFirst), hasItem((String) alert.get("id")));
        JsonNode latestOfSecond = latest(TestEvents.checkResultsOf(second));
        assertThat(latestOfSecond.path("checkStatus").asText(), equalTo("FLAGGED"));
        assertThat(ids(latestOfSecond), hasItem((String) alert.get("id")));

        List<ConsumerRecord<String, String>> messages = TestEvents.readAll(TestEvents.REGISTRATION_EVENTS).stream()
                .filter(r -> person.equals(r.key())).toList();
        assertThat(messages.isEmpty(), is(false));
        for (ConsumerRecord<String, String> message : messages) {
            String type = TestEvents.parse(message.value()).path("eventType").asText();
            assertThat(type + " honours its schema", EventContracts.violations(message.value(), type), empty());
            assertThat("no ID number on the topic", RESIDENT_ID.matcher(message.value()).find(), is(false));
            assertThat(TestEvents.parse(message.value()).path("producer").asText(), equalTo("registration-service"));
        }
        assertThat(messages.stream().map(m -> TestEvents.parse(m.value()).path("eventType").asText()).toList(),
                hasItem("RegistrationChanged"));
    }

    @Test
    void theEnrollmentEventsThisServiceReadsAreTheContractualOnes() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        assertThat(EventContracts.violations(e.recorded(), "EnrollmentRecorded"), empty());
        assertThat(EventContracts.violations(e.withdrawn(), "EnrollmentWithdrawn"), empty());
        // The check itself bites: a result without its status is no RegistrationCheckCompleted.
        String broken = TestEvents.envelope(java.util.UUID.randomUUID(), "RegistrationCheckCompleted", 1, e.personKey,
                TestEvents.MAPPER.createObjectNode().put("enrollmentId", e.enrollmentId.toString()));
        assertThat(EventContracts.violations(broken, "RegistrationCheckCompleted").isEmpty(), is(false));
    }

    private static JsonNode latest(List<JsonNode> results) {
        return results.stream().max(Comparator.comparing(p -> java.time.Instant.parse(p.path("checkedAt").asText())))
                .orElseThrow();
    }

    private static List<String> ids(JsonNode result) {
        return java.util.stream.StreamSupport.stream(result.path("alertIds").spliterator(), false).map(JsonNode::asText)
                .toList();
    }
}
