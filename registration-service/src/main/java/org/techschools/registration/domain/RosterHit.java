package org.techschools.registration.domain;

import java.time.LocalDate;

/** The roster row of one person on one roster (名册), as the evidence shows it (masked ID only). */
public record RosterHit(RosterSystem system, String provinceCode, int line, String idNumberMasked, String name,
        String gender, LocalDate birthDate, String schoolName, String status) {
}
