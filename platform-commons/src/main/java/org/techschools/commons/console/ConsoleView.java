package org.techschools.commons.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;

/**
 * What every console page shows around its content: who is signed in, in which scope, and the pages of all three
 * services this role may open (templates read it as {@code inject:console}).
 */
@Named("console")
@RequestScoped
public class ConsoleView {

    /** The console's pages, by service: each service serves the pages of the data it owns. */
    public static final String SCHOOL_PAGE = "/console/school";
    public static final String PROGRESS_REPORT_PAGE = "/console/progress-reports";
    public static final String DASHBOARD_PAGE = "/console/dashboard";
    public static final String PLANS_PAGE = "/console/plans";
    public static final String ALERTS_PAGE = "/console/alerts";
    public static final String SIGN_IN_PAGE = "/console/sign-in";

    public record Link(String label, String url) {
    }

    @Inject
    CallerScope scope;

    @Inject
    ConsoleConfig config;

    @Inject
    ConsoleForms forms;

    public boolean signedIn() {
        return scope.name() != null;
    }

    public String user() {
        return scope.name();
    }

    /** 学校 / 设区市人社局 / 省人社厅 / 部中心 / 审计: the role as a clerk would name it, with its scope. */
    public String roleLabel() {
        if (scope.hasRole(Roles.AUDITOR)) {
            return "稽核" + (scope.region() == null ? "（全国）" : "（" + scope.region() + "）");
        }
        if (scope.hasRole(Roles.NATIONAL)) {
            return "部中心（全国）";
        }
        if (scope.hasRole(Roles.PROVINCE)) {
            return "省级人社部门（" + scope.region() + "）";
        }
        if (scope.hasRole(Roles.CITY)) {
            return "设区市人社部门（" + scope.region() + "）";
        }
        if (scope.hasRole(Roles.SCHOOL)) {
            return "技工院校（" + scope.school() + "）";
        }
        return "访客";
    }

    public String csrf() {
        return forms.token();
    }

    public String signInUrl() {
        return SIGN_IN_PAGE;
    }

    /** The pages this role works in, across the three services. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        if (scope.hasRole(Roles.SCHOOL)) {
            links.add(new Link("本校招生", config.enrollmentUrl() + SCHOOL_PAGE));
        }
        if (scope.hasRole(Roles.CITY) || scope.hasRole(Roles.PROVINCE) || scope.hasRole(Roles.NATIONAL)) {
            links.add(new Link("目标与进度", config.quotaUrl() + DASHBOARD_PAGE));
            links.add(new Link("招生计划", config.quotaUrl() + PLANS_PAGE));
            links.add(new Link("进展表", config.enrollmentUrl() + PROGRESS_REPORT_PAGE));
        }
        if (signedIn()) {
            links.add(new Link("双重学籍预警", config.registrationUrl() + ALERTS_PAGE));
        }
        return links;
    }

    /** Where a person of this role starts after signing in. */
    public static String home(ConsoleConfig config, String role) {
        return switch (role) {
            case Roles.SCHOOL -> config.enrollmentUrl() + SCHOOL_PAGE;
            case Roles.CITY, Roles.PROVINCE -> config.quotaUrl() + DASHBOARD_PAGE;
            case Roles.NATIONAL -> config.enrollmentUrl() + PROGRESS_REPORT_PAGE;
            default -> config.registrationUrl() + ALERTS_PAGE;
        };
    }
}
