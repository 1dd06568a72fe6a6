package org.techschools.registration.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;

/** Messages that can never be applied go to dlq.registration-service with a reason; the stream goes on. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class DeadLetterTest {

    @Test
    void malformedAndUnknownVersionGoToTheDeadLetterTopicAndTheNextMessageIsProcessed() {
        String person = TestEvents.personKey();
        Enrollment valid = Enrollment.of(person, TestEvents.schoolCode());
        String malformed = "{not json " + UUID.randomUUID();
        UUID futureEventId = UUID.randomUUID();
        ObjectNode futurePayload = (ObjectNode) TestEvents.parse(valid.recorded()).path("payload");
        String futureVersion = TestEvents.envelope(futureEventId, "EnrollmentRecorded", 4, person, futurePayload);

        sendEnrollmentEvent(person, malformed);
        sendEnrollmentEvent(person, futureVersion);
        sendEnrollmentEvent(person, valid.recorded());

        // The valid message after the two bad ones is applied.
        Alerts.awaitChecked(valid, 1);
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> deadLettersOf(person).size() == 2);
        List<ConsumerRecord<String, String>> dead = deadLettersOf(person);
        assertThat(dead.get(0).value(), equalTo(malformed));
        assertThat(dead.get(1).value(), equalTo(futureVersion));
        assertThat(header(dead.get(0), "dead-letter-reason").isEmpty(), equalTo(false));
        assertThat(header(dead.get(1), "dead-letter-reason").contains("schemaVersion"), equalTo(true));
    }

    @Test
    void unknownEventTypeGoesToTheDeadLetterTopic() {
        String person = TestEvents.personKey();
        String unknown = TestEvents.envelope(UUID.randomUUID(), "EnrollmentTeleported", 1, person,
                TestEvents.MAPPER.createObjectNode().put("personKey", person));
        sendEnrollmentEvent(person, unknown);
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> deadLettersOf(person).size() == 1);
        assertThat(header(deadLettersOf(person).get(0), "dead-letter-reason").contains("EnrollmentTeleported"), equalTo(true));
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(String person) {
        return TestEvents.readAll(TestEvents.DEAD_LETTERS).stream().filter(r -> person.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
