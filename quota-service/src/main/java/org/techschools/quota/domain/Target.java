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

import org.techschools.commons.domain.ClassLevel;

/**
 * 目标任务: how many new students a region or school is to enroll in a year, e.g. 杭州市 2023: 18600
 * (浙人社函〔2023〕37号). A null class level means all levels together.
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetScope scope;

    /** Division code for NATIONAL (000000), PROVINCE and CITY; school code for SCHOOL. */
    @Column(name = "scope_code", nullable = false)
    public String scopeCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "class_level")
    public ClassLevel classLevel;

    @Column(name = "target", nullable = false)
    public int target;

    /** The document that set the target (文号). */
    @Column(columnDefinition = "text")
    public String source;
}
