package org.techschools.quota.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 年度总结报送: a city's annual summary as it was when the city office filed it. A refiling supersedes the filing before,
 * which is kept.
 */
@Entity
@Table(name = "annual_summary_filing")
public class AnnualSummaryFiling extends PanacheEntityBase {

    /** Whether a filing came by its due day (按时 / 逾期). */
    public enum Timeliness {
        ON_TIME,
        LATE
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    /** The filed summary as JSON (the shape GET /annual-summary answers for the city). */
    @Column(nullable = false, columnDefinition = "text")
    public String figures;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    /** Of this filing, judged by its own filedAt. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Timeliness timeliness;

    /** When a refiling replaced it; null for the city's current filing. */
    @Column(name = "superseded_at")
    public Instant supersededAt;
}
