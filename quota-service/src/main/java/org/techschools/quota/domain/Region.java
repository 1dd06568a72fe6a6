package org.techschools.quota.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 行政区划: a province (no parent) or one of its cities (设区市), by GB/T 2260 code. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    /** The cities of a province, by code. */
    public static List<Region> citiesOf(String provinceCode) {
        return list("parentCode = ?1 order by code", provinceCode);
    }

    public static String nameOf(String code) {
        Region region = findById(code);
        return region == null ? null : region.name;
    }
}
