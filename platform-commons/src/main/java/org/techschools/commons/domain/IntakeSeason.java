package org.techschools.commons.domain;

/** 春季/秋季招生: 学籍 registration deadlines differ per season (Zhejiang: 31 March, 31 October). */
public enum IntakeSeason {
    SPRING,
    AUTUMN
}
