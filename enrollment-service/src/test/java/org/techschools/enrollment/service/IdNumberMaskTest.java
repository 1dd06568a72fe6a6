package org.techschools.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.security.Regions;
import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.ResidentIds;

/** The mask every reader but the submitting school sees, against what is shown beside it (plain JUnit, no Quarkus). */
class IdNumberMaskTest {

    private static final String ID = ResidentIds.of("330102", LocalDate.of(2010, 5, 17), true);

    @Test
    void theMaskShowsProvinceAndCityOnly() {
        assertEquals(ID.substring(0, 4) + "*".repeat(14), PersonKeys.mask(ID));
        assertEquals(ID.substring(0, 4) + "*".repeat(14), PersonKeys.mask(" " + ID.toLowerCase() + " "));
        assertEquals("*********", PersonKeys.mask("E12345678"), "a passport number carries no region: starred whole");
    }

    @Test
    void anOlderMaskBecomesTodaysForm() {
        String older = ID.substring(0, 6) + "********" + ID.substring(14);
        assertEquals(PersonKeys.mask(ID), PersonKeys.remask(older));
        assertEquals(PersonKeys.mask(ID), PersonKeys.remask(PersonKeys.mask(ID)), "today's form stays as it is");
    }

    @Test
    void besideTheBirthDateGenderAndCityTheMaskLeavesFourDigitsUnknown() {
        List<String> shown = List.of(PersonKeys.mask(ID), "2010-05-17", "MALE", Regions.city("330102"), "张伟");
        assertTrue(IdNumberExposure.unknownDigits(ID, shown) >= IdNumberExposure.REQUIRED_UNKNOWN);
    }

    @Test
    void theOlderMaskBesideTheBirthDateGaveTheIdNumberBack() {
        String older = ID.substring(0, 6) + "********" + ID.substring(14);
        assertEquals(0, IdNumberExposure.unknownDigits(ID, List.of(older, "2010-05-17")));
    }

    @Test
    void theCountyBesideTodaysMaskWouldNarrowItTooFar() {
        // Why readers other than the submitting school see the origin at city level only.
        assertEquals(2, IdNumberExposure.unknownDigits(ID, List.of(PersonKeys.mask(ID), "2010-05-17", "MALE", "330102")));
    }
}
