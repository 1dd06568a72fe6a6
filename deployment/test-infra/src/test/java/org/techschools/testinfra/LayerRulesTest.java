package org.techschools.testinfra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class LayerRulesTest {

    @Test
    void aServiceReturningARestViewFailsTheRules() {
        var classes = new ClassFileImporter().importPackages("org.techschools.testinfra.layered");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayerRules.rules("org.techschools.testinfra.layered").check(classes));
        assertTrue(failure.getMessage().contains("ParcelLookup"), failure.getMessage());
        assertTrue(failure.getMessage().contains("ParcelView"), failure.getMessage());
    }
}
