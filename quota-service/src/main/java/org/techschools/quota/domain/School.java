package org.techschools.quota.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 技工院校: this service's projection of a school, kept current from {@code school-events} (SchoolUpserted). */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** {@link org.techschools.commons.domain.SchoolType} name: 技工学校, 高级技工学校 or 技师学院. */
    @Column(nullable = false)
    public String type;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    /** 省属: the province, not the city, issues this school's plan. */
    @Column(nullable = false)
    public boolean provincial;
}
