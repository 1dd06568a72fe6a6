package org.techschools.commons.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.techschools.commons.problem.Problem;

/**
 * Describes the problem+json answers every operation shares, so resources declare only the ones their own rules give
 * (409, 422, 429, each with a description of when): every error response gets the {@code Problem} schema, and these
 * are added where they apply — 400 (parameters or a body to check), 401 and 403 (a token is required), 404 (an id in
 * the path), 413 (a body: the size limits), 429 (a write, or no token: the rate limits of RequestLimits), 503 (the
 * database is briefly down; Retry-After).
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";

    private static final Map<String, String> STANDARD = Map.of(
            "400", "The request breaks a rule of its shape; errors name each field and rule",
            "401", "No bearer token, or one that is invalid or expired",
            "403", "The token's role or region does not cover this",
            "404", "Nothing with this id, or it is outside the caller's scope",
            "413", "The body is larger than the limit; it is not read",
            "429", "Too many requests (writes per token, public requests per client address); retry after Retry-After seconds",
            "503", "The database is briefly unavailable; nothing was stored, retry after Retry-After seconds");

    /** Rate-limited per token subject (RequestLimits), as every operation without a token is per client address. */
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** What the generator writes for the responses it adds itself (security, parameters): says nothing of when. */
    private static final Set<String> GENERATED = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema()).addSchema(SCHEMA, problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, WRITES.contains(method), operation)));
    }

    private static void describe(String path, boolean write, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = responses.hasAPIResponse("401")
                || (operation.getSecurity() != null && !operation.getSecurity().isEmpty());
        addIf(hasInput, responses, "400");
        addIf(secured, responses, "401");
        addIf(secured, responses, "403");
        addIf(path.contains("{"), responses, "404");
        addIf(operation.getRequestBody() != null, responses, "413");
        addIf(write || !secured, responses, "429");
        addIf(true, responses, "503");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(response);
            }
        });
    }

    private static void addIf(boolean applies, APIResponses responses, String code) {
        if (!applies) {
            return;
        }
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD.get(code)));
        } else if (GENERATED.contains(response.getDescription())) {
            response.setDescription(STANDARD.get(code));
        }
    }

    private static void asProblem(APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("Refused; the problem document says why");
        }
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (content.getMediaType(Problem.MEDIA_TYPE) == null) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMA)));
        }
        response.setContent(content);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors name each field and the rule it breaks, never the value sent")
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("short summary of the status, e.g. Unprocessable entity"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("the HTTP status"))
                .addProperty("detail", string("what went wrong, without the values sent"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", "about:blank", "title", "Unprocessable entity", "status", 422, "detail", "1 rule(s) broken",
                        "errors", List.of(Map.of("field", "student.idNumber", "rule", "id-check-digit",
                                "message", "the check digit does not match (GB 11643 MOD 11-2)"))));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("One broken rule of a request")
                .addProperty("field", string("JSON path of the field (or the parameter's name), e.g. student.idNumber"))
                .addProperty("rule", string("stable machine-readable rule code, e.g. id-check-digit"))
                .addProperty("message", string("the rule in words"))
                .required(List.of("field", "rule"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
