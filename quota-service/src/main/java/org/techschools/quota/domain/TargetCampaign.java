package org.techschools.quota.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 多年目标: a cumulative target over several years, e.g. 浙江 “五年攻坚” 2023–2027: 600,000 new students. */
@Entity
@Table(name = "target_campaign")
public class TargetCampaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetScope scope;

    @Column(name = "scope_code", nullable = false)
    public String scopeCode;

    @Column(name = "from_year", nullable = false)
    public int fromYear;

    @Column(name = "to_year", nullable = false)
    public int toYear;

    @Column(name = "target", nullable = false)
    public int target;

    @Column(columnDefinition = "text")
    public String source;
}
