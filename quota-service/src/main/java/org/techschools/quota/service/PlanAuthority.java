package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.School;

/**
 * Who may do what with a plan (浙人社函〔2023〕37号): the city office issues the plans of its city's schools, the
 * province those of 省属 schools; only the province files plans and decides on adjustment requests.
 */
@ApplicationScoped
public class PlanAuthority {

    @Inject
    CallerScope caller;

    /** 403 unless the caller is the office that issues this school's plan. */
    public void requireIssuer(School school) {
        if (!isIssuer(school)) {
            throw ProblemException.forbidden(school.provincial
                    ? "the plan of a 省属 school is issued by the office of its province"
                    : "the plan of a school is issued by the office of its city");
        }
    }

    /** 403 unless the caller is the issuing office or the province of the plan. */
    public void requireIssuerOrProvince(School school) {
        if (!isProvinceOf(school.provinceCode)) {
            requireIssuer(school);
        }
    }

    /** Whether the caller is the office that issues this school's plan. */
    public boolean isIssuer(School school) {
        return school.provincial ? isProvinceOf(school.provinceCode)
                : caller.hasRole(Roles.CITY) && school.cityCode.equals(caller.region());
    }

    /** Whether the caller is the province office the plan is filed with. */
    public boolean isProvinceOf(EnrollmentPlan plan) {
        return isProvinceOf(plan.provinceCode);
    }

    /** 403 unless the caller is the province office the plan is filed with. */
    public void requireProvince(EnrollmentPlan plan) {
        if (!isProvinceOf(plan)) {
            throw ProblemException.forbidden("only the province office the plan is filed with may do this");
        }
    }

    public boolean mayRead(EnrollmentPlan plan) {
        return caller.covers(plan.provinceCode, plan.cityCode, plan.schoolCode);
    }

    /** The province the caller's reads are limited to, null where not (CallerScope): listings filter what mayRead allows. */
    public String provinceLimit() {
        return caller.provinceLimit();
    }

    public String cityLimit() {
        return caller.cityLimit();
    }

    public String schoolLimit() {
        return caller.schoolLimit();
    }

    /** 404 (not 403: existence is not disclosed) unless the caller may see the plan. */
    public void requireReader(EnrollmentPlan plan) {
        if (!mayRead(plan)) {
            throw ProblemException.notFound("plan");
        }
    }

    public String actor() {
        return caller.name() == null ? "unknown" : caller.name();
    }

    private boolean isProvinceOf(String provinceCode) {
        return caller.hasRole(Roles.PROVINCE) && caller.region() != null
                && Regions.province(caller.region()).equals(provinceCode);
    }
}
