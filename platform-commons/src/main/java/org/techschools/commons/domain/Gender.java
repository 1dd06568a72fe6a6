package org.techschools.commons.domain;

public enum Gender {
    MALE,
    FEMALE
}
