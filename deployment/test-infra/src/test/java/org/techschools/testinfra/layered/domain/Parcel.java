package org.techschools.testinfra.layered.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity (fixture for LayerRulesTest). */
@Entity
public class Parcel {
    @Id
    public String code;
}
