package org.techschools.registration.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import org.techschools.commons.csv.Csv;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.limits.RateLimited;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.service.Certificates;
import org.techschools.registration.service.IssuedCertificate;

/** 毕业证书: the public check by number and name (证书查验), and the offices' list and CSV export of certificates issued. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certificates")
public class CertificateResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Rows fetched per round trip while streaming the CSV export. */
    private static final int EXPORT_PAGE = 1000;
    private static final String CSV_TYPE = "text/csv; charset=UTF-8";
    private static final String CSV_HEADER = "certificateNumber,name,schoolCode,schoolName,provinceCode,cityCode,majorCode,"
            + "majorName,classLevel,classLevelLabel,graduatedOn,issuedAt";
    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern PROVINCE = Pattern.compile("[1-9][0-9]0000");
    private static final Pattern CITY = Pattern.compile("[1-9][0-9]{3}00");

    @Inject
    Certificates certificates;

    @Inject
    CallerScope scope;

    /**
     * What a check answers: for a genuine certificate what it states, otherwise {@code {"genuine":false}} alone.
     * Never the holder's ID number, nor the name asked with.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateCheck(boolean genuine, String schoolName, String majorName, ClassLevel classLevel,
            String classLevelLabel, LocalDate graduatedOn) {

        static final CertificateCheck NOT_GENUINE = new CertificateCheck(false, null, null, null, null, null);

        static CertificateCheck of(IssuedCertificate c) {
            return new CertificateCheck(true, c.schoolName(), c.majorName(), c.classLevel(), c.classLevelLabel(), c.graduatedOn());
        }
    }

    /** A certificate as the offices that keep the school see it. */
    public record CertificateView(String certificateNumber, String name, String schoolCode, String schoolName,
            String provinceCode, String cityCode, String majorCode, String majorName, ClassLevel classLevel,
            String classLevelLabel, LocalDate graduatedOn, Instant issuedAt) {

        static CertificateView of(IssuedCertificate c) {
            return new CertificateView(c.number(), c.holderName(), c.schoolCode(), c.schoolName(), c.provinceCode(),
                    c.cityCode(), c.majorCode(), c.majorName(), c.classLevel(), c.classLevelLabel(), c.graduatedOn(), c.issuedAt());
        }
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record CertificateList(List<CertificateView> items, String nextCursor) {
    }

    @GET
    @Path("/public/certificates/{number}")
    @PermitAll
    @RateLimited("certificate-check")
    @Operation(summary = "证书查验 without a token: whether a certificate with this number was issued to this name",
            description = "{\"genuine\":true,\"schoolName\",\"majorName\",\"classLevel\",\"classLevelLabel\",\"graduatedOn\"}"
                    + " or {\"genuine\":false} alone, the same for a wrong number as for a wrong name. The name is compared"
                    + " without spaces and separators. Limited per client address (platform.limits.rate.certificate-check;"
                    + " then 429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "Whether the certificate is genuine, and what it states if so",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateCheck.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this client address; retry after Retry-After seconds")
    public CertificateCheck check(
            @Parameter(description = "Certificate number (证书编号) as printed") @RestPath String number,
            @Parameter(description = "The holder's name as printed on the certificate") @RestQuery String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError("name", "required", "the name on the certificate is required")));
        }
        return certificates.check(number.trim(), name).map(CertificateCheck::of).orElse(CertificateCheck.NOT_GENUINE);
    }

    @GET
    @Path("/certificates")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Certificates issued in the caller's scope, by graduation date and number",
            description = "Filters schoolCode, provinceCode, cityCode, graduatedFrom, graduatedTo (dates, inclusive). Paged:"
                    + " limit 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + "); nextCursor null on the last page.")
    public CertificateList list(
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String schoolCode,
            @Parameter(description = CommonParameters.PROVINCE) @RestQuery String provinceCode,
            @Parameter(description = CommonParameters.CITY) @RestQuery String cityCode,
            @Parameter(description = ParameterDocs.GRADUATED_FROM) @RestQuery String graduatedFrom,
            @Parameter(description = ParameterDocs.GRADUATED_TO) @RestQuery String graduatedTo,
            @Parameter(description = "Certificates per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @RestQuery String limit,
            @Parameter(description = CommonParameters.CURSOR) @RestQuery String cursor) {
        Certificates.Filter filter = filter(schoolCode, provinceCode, cityCode, graduatedFrom, graduatedTo);
        int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<IssuedCertificate> found = certificates.list(filter, cursor(cursor), size);
        List<IssuedCertificate> page = found.size() > size ? found.subList(0, size) : found;
        return new CertificateList(page.stream().map(CertificateView::of).toList(),
                found.size() > size ? page.get(page.size() - 1).cursorAfter().encode() : null);
    }

    @GET
    @Path("/certificates/export.csv")
    @Produces(CSV_TYPE)
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "The certificate list as CSV (UTF-8 with BOM), same filters and scope as the list, all pages")
    public Response export(
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String schoolCode,
            @Parameter(description = CommonParameters.PROVINCE) @RestQuery String provinceCode,
            @Parameter(description = CommonParameters.CITY) @RestQuery String cityCode,
            @Parameter(description = ParameterDocs.GRADUATED_FROM) @RestQuery String graduatedFrom,
            @Parameter(description = ParameterDocs.GRADUATED_TO) @RestQuery String graduatedTo) {
        Certificates.Filter filter = filter(schoolCode, provinceCode, cityCode, graduatedFrom, graduatedTo);
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(Csv.BOM);
            w.write(CSV_HEADER);
            w.write("\r\n");
            SortKeyCursor after = null;
            while (true) {
                List<IssuedCertificate> found = certificates.list(filter, after, EXPORT_PAGE);
                List<IssuedCertificate> page = found.size() > EXPORT_PAGE ? found.subList(0, EXPORT_PAGE) : found;
                for (IssuedCertificate c : page) {
                    w.write(Csv.line(c.number(), c.holderName(), c.schoolCode(), c.schoolName(), c.provinceCode(), c.cityCode(),
                            c.majorCode(), c.majorName(), c.classLevel(), c.classLevelLabel(), c.graduatedOn(), c.issuedAt()));
                }
                if (found.size() <= EXPORT_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).cursorAfter();
            }
            w.flush();
        };
        return Response.ok(body, CSV_TYPE).header("Content-Disposition", "attachment; filename=\"certificates.csv\"").build();
    }

    private Certificates.Filter filter(String schoolCode, String provinceCode, String cityCode, String graduatedFrom,
            String graduatedTo) {
        List<FieldError> errors = new ArrayList<>();
        String school = matching(errors, "schoolCode", schoolCode, SCHOOL_CODE, "a school code");
        String province = matching(errors, "provinceCode", provinceCode, PROVINCE, "six digits ending in 0000, e.g. 330000");
        String city = matching(errors, "cityCode", cityCode, CITY, "six digits ending in 00, e.g. 330100");
        LocalDate from = date(errors, "graduatedFrom", graduatedFrom);
        LocalDate to = date(errors, "graduatedTo", graduatedTo);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("graduatedTo", "date-order", "graduatedTo must not be before graduatedFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return Certificates.Filter.within(scope, school, province, city, from, to);
    }

    private static String matching(List<FieldError> errors, String field, String value, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value.trim()).matches()) {
            errors.add(new FieldError(field, "invalid-value", "must be " + expected));
            return null;
        }
        return value.trim();
    }

    private static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid-value", "must be a date such as 2028-06-30"));
            return null;
        }
    }

    /** A cursor of this list, or 400 naming {@code cursor}: its date is read back, so a made-up one must not reach the query. */
    private static SortKeyCursor cursor(String cursor) {
        SortKeyCursor decoded = SortKeyCursor.decode(cursor, 2);
        if (decoded != null) {
            try {
                LocalDate.parse(decoded.key(0));
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(List.of(new FieldError("cursor", "cursor-format", "cursor is not one this service issued")));
            }
        }
        return decoded;
    }
}
