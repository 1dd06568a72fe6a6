package org.techschools.registration;

import org.junit.jupiter.api.Test;
import org.techschools.testinfra.LayerRules;

/** registration-service keeps the platform's layers: rest -> service -> domain, no entity in rest/, SQL in domain/. */
class LayersTest {

    @Test
    void callsGoFromRestThroughServiceToDomain() {
        LayerRules.check("org.techschools.registration");
    }
}
