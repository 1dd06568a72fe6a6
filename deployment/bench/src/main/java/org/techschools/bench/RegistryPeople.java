package org.techschools.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.techschools.commons.identity.ResidentIdNumber;

/**
 * The people of the preloaded registry (registry-load): person {@code i} is always the same valid resident ID,
 * name, birth date and gender, so registry-e2e can enroll some of them again as planted doubles. IDs are unique
 * (district, birth date, sequence) and use districts that {@link Workload.Person} never uses.
 */
final class RegistryPeople {

    /** Hangzhou districts other than 330102, the random people's. */
    private static final List<String> DISTRICTS = List.of("330105", "330106", "330108", "330109", "330110", "330111",
            "330112", "330113", "330114", "330122");
    private static final LocalDate FIRST_BIRTH = LocalDate.of(2008, 1, 1);
    /** Birth dates 2008-01-01 onwards, as the random people's (2008–2010): both fall into the same fuzzy-check blocks. */
    private static final int DAYS = 1_000;
    private static final int SEQUENCES = 1_000;
    static final int CAPACITY = DISTRICTS.size() * DAYS * SEQUENCES;
    static final String SCHOOL_PREFIX = "BENCHLOAD-";
    static final String RECORD_PREFIX = "L-";
    private static final List<String> CITIES = List.of("330100", "330200", "330300", "330400", "330500", "330600", "330700");
    private static final int PER_SCHOOL = 2_000;

    private RegistryPeople() {
    }

    static Workload.Person person(int i) {
        if (i < 0 || i >= CAPACITY) {
            throw new IllegalArgumentException("at most " + CAPACITY + " preloaded people");
        }
        int inDistrict = i % (DAYS * SEQUENCES);
        int sequence = inDistrict % SEQUENCES;
        LocalDate birth = FIRST_BIRTH.plusDays(inDistrict / SEQUENCES);
        String first17 = DISTRICTS.get(i / (DAYS * SEQUENCES)) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", sequence);
        // The random people's name stock (Workload.Person), so that lookalikes across both occur as they would.
        String name = Names.random(new SplittableRandom(i));
        return new Workload.Person(first17 + ResidentIdNumber.checkCharacter(first17), birth, sequence % 2 == 1, name);
    }

    static String school(int i) {
        return SCHOOL_PREFIX + (i / PER_SCHOOL);
    }

    static String city(int i) {
        return CITIES.get(i / PER_SCHOOL % CITIES.size());
    }
}
