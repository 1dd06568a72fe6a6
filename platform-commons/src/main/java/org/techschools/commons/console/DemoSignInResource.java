package org.techschools.commons.console;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.Roles;

/**
 * The local run's sign-in (演示登录): a person picks a role, a school and a region and gets a console session for
 * them. Only the {@code demo} profile the launcher starts the services with switches it on; production signs people
 * in through the province's identity provider (OpenID Connect) instead.
 */
@Path("/console")
public class DemoSignInResource {

    static final List<String> ROLES = List.of(Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR);
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._-]{2,32}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(List<String> roles, String error);
    }

    @Inject
    ConsoleConfig config;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleForms forms;

    /** A production service never offers the demo sign-in, whatever its environment says. */
    void refuseInProduction(@Observes StartupEvent start) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (config.demoSignIn() && profiles.contains("prod") && !profiles.contains("demo")) {
            throw new IllegalStateException("platform.console.demo-sign-in is refused in the prod profile: production "
                    + "signs people in through OpenID Connect (the local launcher runs the demo profile)");
        }
    }

    @GET
    @Path("/sign-in")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Console sign-in page of the local run (demo profile only; 404 elsewhere)")
    public TemplateInstance signInPage() {
        requireDemo();
        return Templates.signIn(ROLES, null);
    }

    @POST
    @Path("/sign-in")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Start a console session for the chosen role, school and region (demo profile only); 303 to the role's first page")
    public Response signIn(@RestForm String role, @RestForm String school, @RestForm String region) {
        requireDemo();
        String schoolCode = blankToNull(school);
        String regionCode = blankToNull(region);
        String error = problem(role, schoolCode, regionCode);
        if (error != null) {
            return Response.status(422).type(MediaType.TEXT_HTML).entity(Templates.signIn(ROLES, error)).build();
        }
        String name = "演示-" + role + "-" + (schoolCode != null ? schoolCode : regionCode != null ? regionCode : "全国");
        return Response.seeOther(URI.create(ConsoleView.home(config, role)))
                .cookie(session.open(name, role, Roles.SCHOOL.equals(role) ? schoolCode : null,
                        Roles.SCHOOL.equals(role) ? null : regionCode))
                .build();
    }

    @POST
    @Path("/sign-out")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "End the console session (form post with the page's csrf field); 303 to the sign-in page")
    public Response signOut(@RestForm String csrf) {
        forms.check(csrf);
        return Response.seeOther(URI.create(ConsoleView.SIGN_IN_PAGE)).cookie(session.close()).build();
    }

    private void requireDemo() {
        if (!config.demoSignIn()) {
            throw ProblemException.notFound("page");
        }
    }

    /** What is wrong with the choice, in the words the page shows, or null. */
    private static String problem(String role, String school, String region) {
        if (role == null || !ROLES.contains(role)) {
            return "请选择角色";
        }
        if (Roles.SCHOOL.equals(role) && (school == null || !CODE.matcher(school).matches())) {
            return "学校角色需要填写学校代码（2–32 位字母、数字或 . _ -）";
        }
        if ((Roles.CITY.equals(role) || Roles.PROVINCE.equals(role)) && (region == null || !CODE.matcher(region).matches())) {
            return "市级、省级角色需要填写行政区划代码（如 330100、330000）";
        }
        if (region != null && !CODE.matcher(region).matches()) {
            return "行政区划代码只能是 2–32 位字母、数字或 . _ -";
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
