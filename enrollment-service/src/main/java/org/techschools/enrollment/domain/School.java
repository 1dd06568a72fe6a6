package org.techschools.enrollment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.SchoolType;

/** 技工院校: a school of the directory with its qualification years (招生资质) and filed majors (专业目录备案). */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchoolType type;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    /** 省属: plans are issued by the province; a provincial technician college may recruit across cities. */
    @Column(nullable = false)
    public boolean provincial;

    public String ownership;

    public String hotline;

    /** 招生简章: where the school publishes its enrollment brochure (http or https). */
    @Column(name = "brochure_url")
    public String brochureUrl;

    /** 招生监督举报电话: where the public reports the school's enrollment practices. */
    @Column(name = "complaint_hotline")
    public String complaintHotline;

    /** Years the school is qualified to enroll, comma-separated (e.g. "2025,2026"). */
    @Column(name = "qualified_years", nullable = false)
    public String qualifiedYears;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @OneToMany(mappedBy = "school", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("majorCode")
    public List<SchoolMajor> majors = new ArrayList<>();

    /** The school with its filed majors in one query (null when unknown): the intake checks every record against them. */
    public static School findWithMajors(String code) {
        // Not firstResult(): a row limit with a collection fetch makes Hibernate page in memory and log a warning per call.
        // Read-only: the intake only reads it, and the commit's flush then skips dirty-checking the school and its majors.
        return School.<School>find("from School s left join fetch s.majors where s.code = ?1", code)
                .withHint(HibernateHints.HINT_READ_ONLY, true).singleResultOptional().orElse(null);
    }

    public List<Integer> qualifiedYearList() {
        if (qualifiedYears == null || qualifiedYears.isBlank()) {
            return List.of();
        }
        return Arrays.stream(qualifiedYears.split(",")).map(Integer::valueOf).toList();
    }

    public boolean qualifiedFor(int year) {
        return qualifiedYearList().contains(year);
    }

    public SchoolMajor major(String majorCode) {
        return majors.stream().filter(m -> m.majorCode.equals(majorCode)).findFirst().orElse(null);
    }
}
