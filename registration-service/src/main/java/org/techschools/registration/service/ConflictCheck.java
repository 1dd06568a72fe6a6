package org.techschools.registration.service;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;

/**
 * One duplicate check (查重规则) over a pair of the same person's ACTIVE 学籍 (same personKey).
 * Implementations are pure: they look only at the two rows, so a replay gives the same answer.
 */
public interface ConflictCheck {

    AlertType type();

    /**
     * @param first  the pair's first 学籍 (by enrollment id, so the evidence reads the same whichever came first)
     * @param second the other one
     * @return the evidence (which fields matched, never a raw ID) when the pair conflicts this way
     */
    Optional<ObjectNode> evidence(Registration first, Registration second);
}
