package org.techschools.testinfra;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every operation of a service's OpenAPI document ({@code /q/openapi?format=json}) must say, so that a system
 * integrating against it needs nothing else: a summary; a description of each parameter; a 2xx answer with a schema
 * (204 needs a description; a download or an event stream a described content type); the problem+json answers it can
 * give (400 with input, 401 and 403 with a token, 404 with an id in the path, 413 with a body, 429 for a write or
 * without a token, 503 always, and every other error it declares); an example of each JSON request body.
 */
public final class ApiDocumentRules {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Rate-limited per token; an operation without a token is rate-limited per client address. */
    private static final Set<String> WRITES = Set.of("put", "post", "delete", "patch");

    private ApiDocumentRules() {
    }

    /** Fails naming every operation and what it lacks. */
    public static void assertComplete(JsonNode doc) {
        List<String> gaps = gaps(doc);
        if (!gaps.isEmpty()) {
            throw new AssertionError(gaps.size() + " gap(s) in the OpenAPI document:\n  " + String.join("\n  ", gaps));
        }
    }

    /** One line per missing piece, "METHOD /path: what is missing"; empty when the document is complete. */
    public static List<String> gaps(JsonNode doc) {
        List<String> gaps = new ArrayList<>();
        boolean globallySecured = doc.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    boolean write = WRITES.contains(op.getKey());
                    check(doc, path.getKey(), path.getValue(), op.getValue(), write, globallySecured, gap -> gaps.add(name + ": " + gap));
                }
            }
        }
        if (!doc.path("paths").elements().hasNext()) {
            gaps.add("the document has no operations");
        }
        return gaps;
    }

    private static void check(JsonNode doc, String path, JsonNode item, JsonNode op, boolean write, boolean globallySecured,
            Consumer<String> gap) {
        if (op.path("summary").asText("").isBlank()) {
            gap.accept("no summary");
        }
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            JsonNode p = resolve(doc, parameter);
            if (p.path("description").asText("").isBlank()) {
                gap.accept("parameter '" + p.path("name").asText() + "' has no description");
            }
        }
        JsonNode body = op.path("requestBody");
        body.path("content").fields().forEachRemaining(media -> {
            if (media.getKey().contains("json") && !hasExample(doc, media.getValue())) {
                gap.accept("request body " + media.getKey() + " has no example");
            }
        });
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            String code = response.getKey();
            JsonNode r = resolve(doc, response.getValue());
            if (code.startsWith("2")) {
                success = true;
                checkSuccess(code, r, gap);
            } else if (code.startsWith("4") || code.startsWith("5")) {
                if (r.path("content").path(PROBLEM_JSON).path("schema").isMissingNode()) {
                    gap.accept(code + " is not described as " + PROBLEM_JSON);
                }
            }
        }
        if (!success) {
            gap.accept("no 2xx response");
        }
        boolean hasInput = !body.isMissingNode() || !parameters.isEmpty();
        boolean secured = op.has("security") ? op.path("security").size() > 0 : globallySecured;
        require(hasInput, responses, "400", gap);
        require(secured, responses, "401", gap);
        require(secured, responses, "403", gap);
        require(path.contains("{"), responses, "404", gap);
        require(!body.isMissingNode(), responses, "413", gap);
        require(write || !secured, responses, "429", gap);
        require(true, responses, "503", gap);
    }

    private static void checkSuccess(String code, JsonNode response, Consumer<String> gap) {
        if (response.path("description").asText("").isBlank()) {
            gap.accept(code + " has no description");
        }
        if (code.equals("204")) {
            return;
        }
        JsonNode content = response.path("content");
        if (content.size() == 0) {
            gap.accept(code + " has no content type");
        }
        content.fields().forEachRemaining(media -> {
            JsonNode schema = media.getValue().path("schema");
            if (media.getKey().contains("json") && (schema.isMissingNode() || schema.size() == 0)) {
                gap.accept(code + " " + media.getKey() + " has no schema");
            }
        });
    }

    private static void require(boolean applies, JsonNode responses, String code, Consumer<String> gap) {
        if (applies && !responses.has(code)) {
            gap.accept("no " + code + " response");
        }
    }

    private static boolean hasExample(JsonNode doc, JsonNode media) {
        return media.has("example") || media.path("examples").size() > 0 || resolve(doc, media.path("schema")).has("example");
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/Problem}. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
