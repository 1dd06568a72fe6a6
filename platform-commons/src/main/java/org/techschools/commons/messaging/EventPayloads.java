package org.techschools.commons.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.events.SchoolUpserted;

/**
 * Reads event payloads and refuses the ones that can never be applied (missing fields, wrong shapes), so they go to
 * the dead-letter topic with a reason instead of half-applying. One reader per event type for every consumer: the
 * contract of an event does not depend on who reads it.
 */
@ApplicationScoped
public class EventPayloads {

    /** A full 18-character resident ID: must never travel on a topic, let alone be stored by a consumer. */
    private static final Pattern RAW_RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern PERSON_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> REGISTRATION_STATUSES = Set.of("ACTIVE", "SUSPENDED", "WITHDRAWN", "GRADUATED", "CANCELLED",
            "TRANSFERRED_OUT");

    @Inject
    ObjectMapper mapper;

    public EnrollmentRecorded enrollmentRecorded(EventEnvelope envelope) {
        EnrollmentRecorded e = read(envelope, EnrollmentRecorded.class);
        requireFields(envelope, List.of(
                field("enrollmentId", e.enrollmentId()), field("schoolCode", e.schoolCode()),
                field("sourceRecordId", e.sourceRecordId()), field("personKey", e.personKey()),
                field("idNumberMasked", e.idNumberMasked()), field("name", e.name()), field("gender", e.gender()),
                field("birthDate", e.birthDate()), field("majorCode", e.majorCode()), field("classLevel", e.classLevel()),
                field("studyMode", e.studyMode()), field("intakeSeason", e.intakeSeason()), field("enrolledOn", e.enrolledOn()),
                field("schoolProvinceCode", e.schoolProvinceCode()), field("schoolCityCode", e.schoolCityCode())));
        require(e.version() >= 1, envelope, "version");
        require(e.intakeYear() > 0, envelope, "intakeYear");
        requirePersonKey(envelope, e.personKey());
        if (RAW_RESIDENT_ID.matcher(e.idNumberMasked()).find()) {
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " carries an unmasked ID number");
        }
        // Version 1 events (still on the topic, replayed by a rebuild) carry the older mask and the county.
        return e.minimised();
    }

    public EnrollmentWithdrawn enrollmentWithdrawn(EventEnvelope envelope) {
        EnrollmentWithdrawn e = read(envelope, EnrollmentWithdrawn.class);
        requireFields(envelope, List.of(field("enrollmentId", e.enrollmentId()), field("schoolCode", e.schoolCode()),
                field("personKey", e.personKey())));
        requirePersonKey(envelope, e.personKey());
        return e;
    }

    public SchoolUpserted schoolUpserted(EventEnvelope envelope) {
        SchoolUpserted e = read(envelope, SchoolUpserted.class);
        requireFields(envelope, List.of(field("code", e.code()), field("name", e.name()), field("type", e.type()),
                field("provinceCode", e.provinceCode()), field("cityCode", e.cityCode())));
        return e;
    }

    /**
     * A 学籍 change; a transfer's new 学籍 (TRANSFER_IN) must also say where it is and where it came from, or its reader
     * could not move the record there.
     */
    public RegistrationChanged registrationChanged(EventEnvelope envelope) {
        RegistrationChanged e = read(envelope, RegistrationChanged.class);
        requireFields(envelope, List.of(field("registrationId", e.registrationId()), field("enrollmentId", e.enrollmentId()),
                field("schoolCode", e.schoolCode()), field("changeType", e.changeType()), field("effectiveOn", e.effectiveOn())));
        require(!e.schoolCode().isBlank(), envelope, "schoolCode");
        require(!e.changeType().isBlank(), envelope, "changeType");
        require(REGISTRATION_STATUSES.contains(e.status()), envelope, "status");
        if (RegistrationChanged.TRANSFER_IN.equals(e.changeType())) {
            requireFields(envelope, List.of(field("provinceCode", e.provinceCode()), field("cityCode", e.cityCode()),
                    field("fromSchoolCode", e.fromSchoolCode())));
            require(!e.fromSchoolCode().isBlank(), envelope, "fromSchoolCode");
        }
        return e;
    }

    /** The payload as the given event record; for event types whose consumer checks its own fields. */
    public <T> T read(EventEnvelope envelope, Class<T> type) {
        T event;
        try {
            event = mapper.treeToValue(envelope.payload(), type);
        } catch (Exception e) {
            // Name the event, never echo the payload: it is personal data.
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " is not a readable "
                    + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")");
        }
        if (event == null) {
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " has no payload");
        }
        return event;
    }

    /** Fails the event as malformed unless the condition holds. */
    public static void require(boolean condition, EventEnvelope envelope, String field) {
        if (!condition) {
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " lacks a valid " + field);
        }
    }

    private record Field(String name, Object value) {
    }

    private static Field field(String name, Object value) {
        return new Field(name, value);
    }

    private static void requireFields(EventEnvelope envelope, List<Field> fields) {
        List<String> missing = fields.stream().filter(f -> Objects.isNull(f.value()) || "".equals(f.value()))
                .map(Field::name).toList();
        if (!missing.isEmpty()) {
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " lacks " + String.join(", ", missing));
        }
    }

    private static void requirePersonKey(EventEnvelope envelope, String personKey) {
        if (!PERSON_KEY.matcher(personKey).matches()) {
            throw new UnprocessableEventException(envelope.eventType() + " " + envelope.eventId() + " has an invalid personKey");
        }
    }
}
