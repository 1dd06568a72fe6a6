package org.techschools.quota.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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
import org.techschools.commons.persistence.PlainSql;

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

    /**
     * Targets over all class levels of a year and scope, by scope code, for the given codes. The codes go as one array
     * parameter: a query with an IN list of varying length is translated anew on every call.
     */
    public static Map<String, Integer> allLevelsOf(int year, TargetScope scope, Collection<String> codes) {
        Map<String, Integer> byCode = new HashMap<>();
        if (!codes.isEmpty()) {
            PlainSql.list("SELECT scope_code, target FROM target"
                    + " WHERE year = ? AND scope = ? AND class_level IS NULL AND scope_code = ANY (?::varchar[])",
                    row -> Map.entry(row.getString(1), row.getInt(2)), year, scope.name(), PlainSql.array("varchar", codes))
                    .forEach(target -> byCode.put(target.getKey(), target.getValue()));
        }
        return byCode;
    }
}
