package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.send;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** Unreadable messages go to dlq.quota-service with the reason, and consumption goes on. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class DeadLetterTest {

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextValidOneIsStillCounted() {
        int year = 2027;
        String city = "330300";
        String marker = UUID.randomUUID().toString();
        String notJson = "this is not an event " + marker;
        Enrollment unknownType = new Enrollment(schoolCode("WZX"), city, year);
        String unknownTypeEvent = unknownType.recorded().replace("\"EnrollmentRecorded\"", "\"EnrollmentTeleported\"");
        Enrollment valid = new Enrollment(schoolCode("WZ"), city, year);

        send(Topics.ENROLLMENT_EVENTS, valid.personKey, notJson);
        send(Topics.ENROLLMENT_EVENTS, valid.personKey, unknownTypeEvent);
        sendEvent(Topics.ENROLLMENT_EVENTS, valid.recorded());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertEquals(1,
                given().auth().oauth2(TestTokens.national())
                        .queryParam("year", year).queryParam("province", "330000")
                        .when().get("/api/v1/progress")
                        .then().statusCode(200)
                        .extract().jsonPath().getInt("cities.find { it.cityCode == '" + city + "' }.actual")));

        Map<String, ConsumerRecord<String, String>> deadLetters = new ConcurrentHashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + marker);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("dlq.quota-service"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    deadLetters.put(r.value(), r);
                }
                return deadLetters.containsKey(notJson) && deadLetters.containsKey(unknownTypeEvent);
            });
        }
        ConsumerRecord<String, String> dead = deadLetters.get(notJson);
        assertEquals(valid.personKey, dead.key());
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason);
        assertEquals("not JSON", new String(reason.value(), StandardCharsets.UTF_8));
        Header topic = dead.headers().lastHeader("dead-letter-topic");
        assertEquals(Topics.ENROLLMENT_EVENTS, new String(topic.value(), StandardCharsets.UTF_8));
        String unknownReason = new String(deadLetters.get(unknownTypeEvent).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertEquals(true, unknownReason.contains("EnrollmentTeleported"), unknownReason);
    }
}
