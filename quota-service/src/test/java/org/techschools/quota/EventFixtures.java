package org.techschools.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.TopicRecords;

/**
 * Builds events as enrollment-service would publish them (envelope and payload per deployment/kafka/schemas) and
 * sends them to the real topics with a plain producer.
 */
public final class EventFixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private EventFixtures() {
    }

    /** A school code nobody else in this test JVM uses. */
    public static String schoolCode(String prefix) {
        return prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, Integer.MAX_VALUE));
    }

    public static String envelope(String eventType, String aggregateId, Object payload) {
        return envelope(eventType, aggregateId, payload, 1);
    }

    public static String envelope(String eventType, String aggregateId, Object payload, int schemaVersion) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("eventType", eventType);
        node.put("schemaVersion", schemaVersion);
        node.put("occurredAt", Instant.now().toString());
        node.put("producer", "enrollment-service");
        node.put("aggregateId", aggregateId);
        node.set("payload", MAPPER.valueToTree(payload));
        return node.toString();
    }

    /** SchoolUpserted on school-events, checked against its schema. */
    public static String schoolUpserted(String code, String name, String provinceCode, String cityCode) {
        return schoolUpserted(code, name, provinceCode, cityCode, "TECHNICIAN_COLLEGE", false,
                Map.of("0101", List.of("INTERMEDIATE", "ADVANCED")));
    }

    /**
     * SchoolUpserted with a school type, the 省属 flag and the filed major catalogue (专业目录备案): major code → levels.
     */
    public static String schoolUpserted(String code, String name, String provinceCode, String cityCode, String type,
            boolean provincial, Map<String, List<String>> majors) {
        List<Map<String, Object>> catalogue = majors.entrySet().stream()
                .map(m -> Map.<String, Object>of("code", m.getKey(), "name", "专业" + m.getKey(), "levels", m.getValue()))
                .toList();
        Map<String, Object> payload = Map.of("code", code, "name", name, "type", type,
                "provinceCode", provinceCode, "cityCode", cityCode, "provincial", provincial, "qualifiedYears", List.of(2025),
                "majors", catalogue);
        boolean technician = majors.values().stream().anyMatch(levels -> levels.contains("TECHNICIAN"));
        String json = envelope("SchoolUpserted", code, payload,
                technician ? SchoolUpserted.TECHNICIAN_SCHEMA_VERSION : SchoolUpserted.SCHEMA_VERSION);
        assertEquals(Set.of(), EventContracts.violations(json, "SchoolUpserted"));
        return json;
    }

    /** One enrollment record as enrollment-service describes it in EnrollmentRecorded / EnrollmentCorrected. */
    public static final class Enrollment {
        public final UUID enrollmentId = UUID.randomUUID();
        public final String personKey = sha256(enrollmentId.toString());
        public final String schoolCode;
        public final String provinceCode;
        public final String cityCode;
        public int version = 1;
        public String majorCode = "0101";
        public String classLevel = "INTERMEDIATE";
        public String studyMode = "FULL_TIME";
        public int intakeYear;
        public String enrolledOn;
        public String sourceRecordId;
        public String originRegion;
        public String sourceCategory = "初中毕业生";
        public List<String> priorityFlags = List.of("脱贫家庭");
        public String schoolType = "TECHNICIAN_COLLEGE";
        public boolean schoolProvincial;

        public Enrollment(String schoolCode, String cityCode, int intakeYear) {
            this.schoolCode = schoolCode;
            this.provinceCode = cityCode.substring(0, 2) + "0000";
            this.cityCode = cityCode;
            this.intakeYear = intakeYear;
            this.enrolledOn = LocalDate.of(intakeYear, 9, 1).toString();
            this.sourceRecordId = "R-" + enrollmentId;
            this.originRegion = cityCode;
        }

        /**
         * RegistrationChanged on registration-events, as registration-service announces a 学籍 of this record
         * (REGISTER with status ACTIVE, or a 异动 such as WITHDRAW → WITHDRAWN, TRANSFER → TRANSFERRED_OUT).
         */
        public String registrationChanged(UUID registrationId, String status, String changeType) {
            Map<String, Object> payload = Map.of("registrationId", registrationId.toString(),
                    "enrollmentId", enrollmentId.toString(), "schoolCode", schoolCode, "sourceRecordId", sourceRecordId,
                    "personKey", personKey, "status", status, "changeType", changeType, "studyMode", studyMode,
                    "effectiveOn", enrolledOn);
            String json = envelope("RegistrationChanged", personKey, payload);
            assertEquals(Set.of(), EventContracts.violations(json, "RegistrationChanged"));
            return json;
        }

        public String recorded() {
            return enrollmentEvent(version == 1 ? "EnrollmentRecorded" : "EnrollmentCorrected");
        }

        public String withdrawn() {
            Map<String, Object> payload = Map.of("enrollmentId", enrollmentId.toString(), "schoolCode", schoolCode,
                    "sourceRecordId", sourceRecordId, "version", version, "personKey", personKey,
                    "reason", "放弃入学", "withdrawnAt", Instant.now().toString());
            String json = envelope("EnrollmentWithdrawn", personKey, payload);
            assertEquals(Set.of(), EventContracts.violations(json, "EnrollmentWithdrawn"));
            return json;
        }

        private String enrollmentEvent(String type) {
            ObjectNode p = MAPPER.createObjectNode();
            p.put("enrollmentId", enrollmentId.toString());
            p.put("schoolCode", schoolCode);
            p.put("sourceRecordId", sourceRecordId);
            p.put("version", version);
            p.put("personKey", personKey);
            p.put("idType", "RESIDENT_ID");
            // A county-level origin came only in version 1 events, beside the older mask: sent as such, it is read in
            // today's form (the origin at city level).
            boolean version1 = originRegion != null && !originRegion.endsWith("00");
            p.put("idNumberMasked", version1 ? "330102********1234" : "3301**************");
            p.put("name", "张三");
            p.put("gender", "MALE");
            p.put("birthDate", "2008-05-01");
            p.put("majorCode", majorCode);
            p.put("classLevel", classLevel);
            p.put("studyMode", studyMode);
            p.put("intakeYear", intakeYear);
            p.put("intakeSeason", "AUTUMN");
            p.put("enrolledOn", enrolledOn);
            p.put("sourceCategory", sourceCategory);
            p.put("originRegion", originRegion);
            priorityFlags.forEach(p.putArray("priorityFlags")::add);
            p.putNull("employer");
            p.put("schoolProvinceCode", provinceCode);
            p.put("schoolCityCode", cityCode);
            p.put("schoolType", schoolType);
            p.put("schoolProvincial", schoolProvincial);
            p.put("recordedAt", Instant.now().toString());
            String json = envelope(type, personKey, p, version1 ? 1 : EnrollmentRecorded.schemaVersion(ClassLevel.valueOf(classLevel)));
            if (!version1) {
                assertEquals(Set.of(), EventContracts.violations(json, "EnrollmentRecorded"));
            }
            return json;
        }
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Sends messages in order and waits for the broker's acknowledgement of each. */
    public static void send(String topic, String key, String... values) {
        try {
            for (String value : values) {
                producer().send(new ProducerRecord<>(topic, key, value)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Sends an envelope keyed by its aggregateId, as the outbox relay does. */
    public static void sendEvent(String topic, String envelope) {
        try {
            send(topic, MAPPER.readTree(envelope).get("aggregateId").asText(), envelope);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends envelopes (keyed by aggregateId) without waiting between them, then waits for all acknowledgements: they
     * reach the broker within milliseconds, so the consumer takes many of them in one poll.
     */
    public static void sendEventsAtOnce(String topic, List<String> envelopes) {
        try {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (String envelope : envelopes) {
                sent.add(producer().send(new ProducerRecord<>(topic, MAPPER.readTree(envelope).get("aggregateId").asText(),
                        envelope)));
            }
            producer().flush();
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Waits until quota-service's consumer group has committed every message of the topic. */
    public static void awaitConsumed(String topic) {
        TopicRecords.awaitConsumed(PlatformInfra.get().kafka().bootstrapServers(), "quota-service", topic, Duration.ofSeconds(60));
    }

    /**
     * The messages of a topic whose value contains {@code marker}, read from the beginning until {@code expected} of
     * them arrived (or 60 s passed).
     */
    public static List<String> published(String topic, String marker, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
