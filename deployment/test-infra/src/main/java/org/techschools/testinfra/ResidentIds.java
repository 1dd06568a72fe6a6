package org.techschools.testinfra;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.techschools.commons.identity.ResidentIdNumber;

/** Valid GB 11643 resident ID numbers for test data (real region prefix, embedded birth date, gender, check digit). */
public final class ResidentIds {

    private ResidentIds() {
    }

    /** @param male the sequence digit is odd for men, even for women */
    public static String of(String region, LocalDate birthDate, boolean male) {
        int sequence = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
        String first17 = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
