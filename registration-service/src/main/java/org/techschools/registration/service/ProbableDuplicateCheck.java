package org.techschools.registration.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.config.ChecksConfig;
import org.techschools.registration.domain.Registration;

/**
 * 疑似重复学籍: two ACTIVE 学籍 under different ID numbers (different personKey) whose holders were born the
 * same day, have the same gender and an equal or near-equal name — one person registered twice with a second
 * or fake identity (虚假身份信息). Fuzzy, so the alert carries a score and says how each field matched.
 * Pure like the rule-based checks: it looks only at the two rows.
 */
@ApplicationScoped
public class ProbableDuplicateCheck {

    @Inject
    NameSimilarity names;

    @Inject
    ChecksConfig config;

    public record Finding(BigDecimal score, ObjectNode evidence) {
    }

    /**
     * Which names are alike enough to this one for a PROBABLE_DUPLICATE (the rest of {@link #evaluate} is the blocking
     * key): made once per check and asked for each name of the block, most of which fail the cheap first test.
     */
    public Predicate<String> namesAlikeTo(String name) {
        NameSimilarity.Prepared prepared = names.prepare(name);
        double threshold = config.probableDuplicate().threshold();
        return other -> prepared.mayMatch(other) && prepared.compareWith(other).score() >= threshold;
    }

    public Optional<Finding> evaluate(Registration first, Registration second) {
        if (!first.isActive() || !second.isActive() || first.personKey.equals(second.personKey)
                || !first.birthDate.equals(second.birthDate) || first.gender != second.gender) {
            return Optional.empty();
        }
        NameSimilarity.Match match = names.compare(first.name, second.name);
        if (match.score() < config.probableDuplicate().threshold()) {
            return Optional.empty();
        }
        BigDecimal score = BigDecimal.valueOf(match.score()).setScale(4, RoundingMode.HALF_UP);
        ObjectNode evidence = JsonNodeFactory.instance.objectNode();
        evidence.put("personKey", "different");
        evidence.put("birthDate", "equal");
        evidence.put("gender", "equal");
        ObjectNode name = evidence.putObject("name");
        name.put("a", first.name);
        name.put("b", second.name);
        name.put("match", match.kind());
        name.put("score", match.score());
        Evidence.pair(evidence, "idNumbersMasked", first.idNumberMasked, second.idNumberMasked);
        Evidence.pair(evidence, "schools", first.schoolCode, second.schoolCode);
        Evidence.pair(evidence, "sourceRecordIds", first.sourceRecordId, second.sourceRecordId);
        evidence.put("school", Evidence.sameOrDifferent(first.schoolCode, second.schoolCode));
        evidence.put("threshold", config.probableDuplicate().threshold());
        return Optional.of(new Finding(score, evidence));
    }
}
