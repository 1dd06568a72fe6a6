package org.techschools.registration.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.Registration;

/**
 * Builds an alert's evidence: what auditors read to see why two records were matched. It names the
 * compared fields and their values as the registry holds them (masked ID only), never the ID number.
 */
final class Evidence {

    private Evidence() {
    }

    /** The part every rule-based check shares: both records belong to one person (same personKey). */
    static ObjectNode samePerson(Registration first, Registration second) {
        ObjectNode evidence = JsonNodeFactory.instance.objectNode();
        evidence.put("personKey", "same");
        evidence.put("idNumberMasked", first.idNumberMasked.equals(second.idNumberMasked) ? "same" : "different");
        pair(evidence, "schools", first.schoolCode, second.schoolCode);
        pair(evidence, "sourceRecordIds", first.sourceRecordId, second.sourceRecordId);
        pair(evidence, "studyModes", first.studyMode.name(), second.studyMode.name());
        pair(evidence, "statuses", first.status.name(), second.status.name());
        return evidence;
    }

    static void pair(ObjectNode evidence, String field, String first, String second) {
        ArrayNode values = evidence.putArray(field);
        values.add(first);
        values.add(second);
    }

    static String sameOrDifferent(Object first, Object second) {
        return first.equals(second) ? "same" : "different";
    }
}
