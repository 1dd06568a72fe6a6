package org.techschools.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends malformed input to every operation of a running service's OpenAPI document, as an outside fuzzer would:
 * wrong types, nulls, missing and extra fields, huge and odd Unicode strings, deep nesting, garbage bodies, wrong
 * content types, bad path and query values — with a token of a role the operation accepts and without one.
 * <p>
 * What must hold for every answer: no 5xx; no answer (body or header) holds an ID number that was sent in; every
 * 4xx with a body is {@code application/problem+json} and repeats none of the sent values; each answer within
 * {@link #answerWithin(Duration)}. After the run {@code /q/health/ready} is UP. The number of requests per operation is
 * bounded, so a service's run takes well under a minute.
 */
public final class OpenApiFuzzer {

    /** One broken expectation: which operation, which input, what went wrong. */
    public record Finding(String operation, String input, String problem) {
        @Override
        public String toString() {
            return operation + " [" + input + "]: " + problem;
        }
    }

    /** @param statuses how many answers had each HTTP status */
    public record Report(int operations, int requests, Duration took, Map<Integer, Integer> statuses, List<Finding> findings) {
        public String describe() {
            StringBuilder out = new StringBuilder().append(requests).append(" requests to ").append(operations)
                    .append(" operations in ").append(took.toMillis()).append(" ms, answers by status ").append(statuses)
                    .append(", ").append(findings.size()).append(" finding(s)");
            findings.stream().limit(300).forEach(f -> out.append("\n  ").append(f));
            if (findings.size() > 300) {
                out.append("\n  ...");
            }
            return out.toString();
        }

        /**
         * Fails on any finding, and when no request got through at all: only well-formed requests that succeed prove the
         * malformed variants met the code behind the checks.
         */
        public void assertClean() {
            if (!findings.isEmpty()) {
                throw new AssertionError(describe());
            }
            if (statuses.keySet().stream().noneMatch(status -> status < 300)) {
                throw new AssertionError("no well-formed request got through, so nothing behind the checks was tried: " + describe());
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int HUGE = 100_000;
    private static final int DEEP = 10_000;
    /** What is read of an answer; a CSV export of a test database is far smaller. */
    private static final int MAX_READ = 4 << 20;

    private final URI base;
    private final Map<String, Supplier<String>> tokens = new LinkedHashMap<>();
    private final Map<String, Object> known = new HashMap<>();
    private final String idNumber;
    /** Sent inside every made-up string: a 4xx answer that holds it repeated what it was sent. */
    private final String marker;
    private final Random random = new Random(19);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private int maxRequestsPerOperation = 70;
    private Duration answerWithin = Duration.ofSeconds(1);
    private Path serviceLog;
    private JsonNode doc;

    private OpenApiFuzzer(URI base) {
        this.base = base;
        this.idNumber = ResidentIds.of("330102", LocalDate.of(2010, 5, 17), true);
        this.marker = "Fz" + Long.toString(Math.abs(new Random().nextLong()), 36).toUpperCase(Locale.ROOT).substring(0, 6) + "q";
        known.put("idNumber", idNumber);
        known.put("birthDate", "2010-05-17");
        known.put("gender", "MALE");
    }

    /** @param base the service's root, e.g. {@code http://localhost:8081} */
    public static OpenApiFuzzer against(URI base) {
        return new OpenApiFuzzer(URI.create(base.toString().replaceAll("/+$", "")));
    }

    /** A token of {@code role}, asked for anew before each request (the supplier may spread requests over callers). */
    public OpenApiFuzzer token(String role, Supplier<String> token) {
        tokens.put(role, token);
        return this;
    }

    /** A token of each platform role, scoped to this school, city and province (auditor and national: unlimited). */
    public OpenApiFuzzer tokensFor(String schoolCode, String cityCode, String provinceCode) {
        return token("school", () -> TestTokens.school(schoolCode))
                .token("city", () -> TestTokens.city(cityCode))
                .token("province", () -> TestTokens.province(provinceCode))
                .token("national", TestTokens::national)
                .token("auditor", TestTokens::auditor);
    }

    /**
     * The value a well-formed request carries in the path parameter, query parameter or body field of this name
     * (e.g. a school code the token's school owns), so that malformed variants reach past the first check.
     */
    public OpenApiFuzzer known(String name, Object value) {
        known.put(name, value);
        return this;
    }

    public OpenApiFuzzer maxRequestsPerOperation(int max) {
        this.maxRequestsPerOperation = max;
        return this;
    }

    public OpenApiFuzzer answerWithin(Duration limit) {
        this.answerWithin = limit;
        return this;
    }

    /** A service log file that must not hold the sent ID number after the run either. */
    public OpenApiFuzzer serviceLog(Path file) {
        this.serviceLog = file;
        return this;
    }

    /** The valid resident ID number (check digit included) this fuzzer sends and looks for in every answer. */
    public String idNumber() {
        return idNumber;
    }

    public Report run() {
        long start = System.nanoTime();
        doc = fetchOpenApi();
        List<Operation> operations = operations();
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            List<Case> cases = cases(op);
            for (Case c : cases) {
                requests++;
                send(op, c, findings);
            }
        }
        checkReady(findings);
        checkServiceLog(findings);
        return new Report(operations.size(), requests, Duration.ofNanos(System.nanoTime() - start), new TreeMap<>(statuses), findings);
    }

    // ---------------------------------------------------------------- the document

    private record Param(String name, String in, JsonNode schema, boolean required) {
    }

    private record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies,
            List<String> produces, List<String> roles, boolean secured) {
        String label() {
            return method + " " + path;
        }
    }

    private JsonNode fetchOpenApi() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document: HTTP " + answer.statusCode());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Operation> operations() {
        List<Operation> result = new ArrayList<>();
        JsonNode globalSecurity = doc.path("security");
        doc.path("paths").fields().forEachRemaining(path -> {
            List<Param> pathLevel = params(doc, path.getValue().path("parameters"));
            path.getValue().fields().forEachRemaining(entry -> {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    return;
                }
                JsonNode op = entry.getValue();
                Map<String, Param> params = new LinkedHashMap<>();
                pathLevel.forEach(p -> params.put(p.in() + ":" + p.name(), p));
                params(doc, op.path("parameters")).forEach(p -> params.put(p.in() + ":" + p.name(), p));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                op.path("requestBody").path("content").fields()
                        .forEachRemaining(c -> bodies.put(c.getKey(), resolve(doc, c.getValue().path("schema"))));
                Set<String> produces = new LinkedHashSet<>();
                op.path("responses").forEach(r -> r.path("content").fieldNames().forEachRemaining(produces::add));
                JsonNode security = op.has("security") ? op.path("security") : globalSecurity;
                boolean secured = false;
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : security) {
                    for (JsonNode scopes : requirement) {
                        secured = true;
                        scopes.forEach(s -> roles.add(s.asText()));
                    }
                }
                roles.retainAll(tokens.keySet());
                List<String> usable = roles.isEmpty() ? new ArrayList<>(tokens.keySet()) : new ArrayList<>(roles);
                result.add(new Operation(method, path.getKey(), new ArrayList<>(params.values()), bodies,
                        new ArrayList<>(produces), usable, secured));
            });
        });
        return result;
    }

    private static List<Param> params(JsonNode doc, JsonNode list) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode param = resolve(doc, p);
            params.add(new Param(param.path("name").asText(), param.path("in").asText(), resolve(doc, param.path("schema")),
                    param.path("required").asBoolean(false)));
        }
        return params;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.path("$ref").asText();
            node = doc.at(ref.substring(ref.indexOf('#') + 1));
        }
        return node;
    }

    // ---------------------------------------------------------------- well-formed values

    private Object wellFormed(String name, JsonNode schema, int depth) {
        if (name != null && known.containsKey(name)) {
            return known.get(name);
        }
        schema = resolve(doc, schema);
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode first = schema.has("allOf") ? schema.path("allOf").get(0)
                    : schema.has("oneOf") ? schema.path("oneOf").get(0) : schema.path("anyOf").get(0);
            return wellFormed(name, first, depth);
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return JSON.convertValue(schema.path("enum").get(0), Object.class);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 6) {
                    schema.path("properties").fields()
                            .forEachRemaining(p -> object.put(p.getKey(), wellFormed(p.getKey(), p.getValue(), depth + 1)));
                }
                return object;
            case "array":
                return depth < 6 ? new ArrayList<>(List.of(wellFormed(null, schema.path("items"), depth + 1))) : new ArrayList<>();
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            default:
                return switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-09-01";
                    case "date-time" -> "2026-09-01T08:00:00Z";
                    default -> marker;
                };
        }
    }

    // ---------------------------------------------------------------- malformed values

    /** Odd values for a JSON field: wrong types, nulls, odd Unicode, huge, ID-shaped. */
    private List<Object> oddJsonValues() {
        return List.of(
                idNumber,
                fullWidth(idNumber),
                "",
                marker + "\u0000" + marker,
                marker + "\ud800",
                "\udc00" + marker,
                "\u202e" + marker + "\u200f",
                "\ud83d\ude00" + marker,
                marker.repeat(HUGE / marker.length()),
                new FuzzJson.Raw("1e999"),
                new FuzzJson.Raw("-99999999999999999999999999"),
                -1,
                true,
                Map.of("value", marker),
                List.of(marker, 1),
                FuzzJson.nestedArrays(DEEP));
    }

    /** Path segments as sent (already percent-encoded where needed). */
    private List<String> oddSegments() {
        return List.of(
                encode(idNumber),
                encode(fullWidth(idNumber)),
                "",
                marker + "/" + marker,
                marker + "%2F" + marker,
                "%00",
                marker + "%00" + marker,
                "..",
                "%2e%2e",
                encode(marker).repeat(3000 / marker.length()),
                "x".repeat(HUGE),
                "%ED%A0%80" + marker,
                "%FF%FE" + marker,
                encode("\u202e" + marker),
                encode("\ud83d\ude00" + marker),
                "-1",
                "99999999999999999999",
                "NaN",
                encode("' OR '1'='1" + marker),
                encode("${jndi:ldap://" + marker + "}"),
                "%25" + marker,
                UUID.randomUUID().toString());
    }

    /** Query values as sent. */
    private List<String> oddQueryValues() {
        return List.of(
                encode(idNumber),
                encode(fullWidth(idNumber)),
                "",
                "%00" + marker,
                "%ED%A0%80" + marker,
                encode("\u202e" + marker),
                encode("２０２６"),
                encode(marker).repeat(3000 / marker.length()),
                "-1",
                "0",
                "99999999999999999999",
                "1.5",
                "NaN",
                encode("' OR '1'='1" + marker),
                encode(marker + "&" + marker + "=" + marker));
    }

    // ---------------------------------------------------------------- cases

    private record Case(String label, String pathAndQuery, String contentType, byte[] body, String accept, boolean withToken) {
    }

    private List<Case> cases(Operation op) {
        Map<String, String> segments = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Param p : op.params()) {
            Object value = wellFormed(p.name(), p.schema(), 0);
            if ("path".equals(p.in())) {
                segments.put(p.name(), encode(String.valueOf(value)));
            } else if ("query".equals(p.in()) && (p.required() || known.containsKey(p.name()))) {
                query.put(p.name(), encode(String.valueOf(value)));
            }
        }
        List<Param> pathParams = op.params().stream().filter(p -> "path".equals(p.in())).toList();
        List<Param> queryParams = op.params().stream().filter(p -> "query".equals(p.in())).toList();
        String jsonType = op.bodies().keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
        Object body = jsonType == null ? null : wellFormed(null, op.bodies().get(jsonType), 0);

        List<Case> must = new ArrayList<>();
        List<Case> more = new ArrayList<>();
        String plain = url(op.path(), segments, query);
        Request well = new Request(plain, jsonType, body == null ? null : FuzzJson.write(body));
        must.add(well.as("well-formed", true));
        must.add(well.as("no token", false));
        for (String accept : op.produces()) {
            must.add(well.accepting(accept).as("Accept " + accept, true));
        }
        must.add(well.accepting("application/x-" + marker).as("unsupported Accept", true));

        // The ID number wherever a value goes: every path parameter, every query parameter, an undeclared one.
        Map<String, String> idSegments = new LinkedHashMap<>(segments);
        pathParams.forEach(p -> idSegments.put(p.name(), encode(idNumber)));
        Map<String, String> idQuery = new LinkedHashMap<>(query);
        queryParams.forEach(p -> idQuery.put(p.name(), encode(idNumber)));
        idQuery.put("idNumber", encode(idNumber));
        String idUrl = url(op.path(), idSegments, idQuery);
        must.add(well.at(idUrl).as("ID number in every path and query value", true));
        must.add(well.at(idUrl).as("ID number in every path and query value, no token", false));

        for (Param p : pathParams) {
            for (String segment : oddSegments()) {
                Map<String, String> odd = new LinkedHashMap<>(segments);
                odd.put(p.name(), segment);
                (pathParams.size() == 1 ? must : more).add(well.at(url(op.path(), odd, query))
                        .as("path " + p.name() + "=" + shorten(segment), true));
            }
        }
        for (Param p : queryParams) {
            for (String value : oddQueryValues()) {
                Map<String, String> odd = new LinkedHashMap<>(query);
                odd.put(p.name(), value);
                more.add(well.at(url(op.path(), segments, odd)).as("query " + p.name() + "=" + shorten(value), true));
            }
        }
        if (!queryParams.isEmpty()) {
            StringBuilder repeated = new StringBuilder(url(op.path(), segments, query));
            for (Param p : queryParams) {
                repeated.append(repeated.indexOf("?") < 0 ? '?' : '&').append(p.name()).append("=1&").append(p.name()).append("=2");
            }
            must.add(well.at(repeated.toString()).as("every query parameter twice", true));
        }
        must.add(well.at(plain + (plain.contains("?") ? "&" : "?") + "%00=" + marker + "&" + encode(marker) + "%ED%A0%80=1")
                .as("undeclared odd query parameters", true));

        if (jsonType != null) {
            jsonCases(jsonType, body, well, must, more);
        }
        for (String type : op.bodies().keySet()) {
            if (type.startsWith("multipart/")) {
                multipartCases(well, must);
            } else if (!type.contains("json")) {
                fileCases(type, well, must);
            }
        }

        List<Case> chosen = new ArrayList<>(must.subList(0, Math.min(must.size(), maxRequestsPerOperation)));
        Collections.shuffle(more, new Random(op.label().hashCode()));
        chosen.addAll(more.subList(0, Math.max(0, Math.min(more.size(), maxRequestsPerOperation - chosen.size()))));
        return chosen;
    }

    private void jsonCases(String jsonType, Object body, Request well, List<Case> must, List<Case> more) {
        Request json = well;
        for (String text : List.of("{}", "null", "[]", "\"" + marker + "\"", "42", "{\"" + marker + "\":", "{'a': 1}",
                "\ufeff" + FuzzJson.write(body), FuzzJson.nestedArrays(DEEP).json(), FuzzJson.nestedObjects(DEEP).json())) {
            must.add(json.with(jsonType, text).as("body " + shorten(text), true));
        }
        must.add(json.with(jsonType, new byte[] { 0, (byte) 0xff, (byte) 0xfe, 0x7b, 0x22, (byte) 0xc3, 0x28 })
                .as("binary garbage body", true));
        must.add(json.with(jsonType, new byte[0]).as("empty body", true));
        must.add(json.with(null, well.body()).as("JSON without Content-Type", true));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=UTF-16", "application/json; charset=" + marker, "multipart/form-data")) {
            must.add(json.with(type, well.body()).as("JSON as " + type, true));
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> extra = new LinkedHashMap<>();
            map.forEach((k, v) -> extra.put(String.valueOf(k), v));
            extra.put(marker, idNumber);
            extra.put("idNumber", idNumber);
            extra.put("nested" + marker, FuzzJson.nestedObjects(DEEP));
            must.add(json.with(jsonType, FuzzJson.write(extra)).as("extra fields (ID number, deep nesting)", true));
        }
        List<List<Object>> leaves = new ArrayList<>();
        collectPaths(body, new ArrayList<>(), leaves);
        if (!leaves.isEmpty()) {
            must.add(json.with(jsonType, FuzzJson.write(replaceStrings(body, idNumber))).as("ID number in every string field", true));
            must.add(json.with(jsonType, FuzzJson.write(replaceStrings(body, marker.repeat(HUGE / marker.length()))))
                    .as("100k characters in every string field", true));
            must.add(json.with(jsonType, FuzzJson.write(replaceStrings(body, marker + "\u0000\ud800")))
                    .as("NUL and a lone surrogate in every string field", true));
            must.add(json.with(jsonType, FuzzJson.write(replaceAll(body, null))).as("null in every field", true));
        }
        for (List<Object> path : leaves) {
            must.add(json.with(jsonType, FuzzJson.write(without(body, path))).as("without " + describe(path), true));
            for (Object odd : oddJsonValues()) {
                more.add(json.with(jsonType, FuzzJson.write(replaced(body, path, odd))).as(describe(path) + "=" + shortValue(odd), true));
            }
            more.add(json.with(jsonType, FuzzJson.write(replaced(body, path, null))).as(describe(path) + "=null", true));
        }
    }

    private void fileCases(String type, Request well, List<Case> must) {
        byte[] csv = ("sourceRecordId,idNumber,name,gender,birthDate\n" + idNumber + "," + idNumber + "," + marker + "\u0000,"
                + "\u202e" + marker + "," + marker.repeat(HUGE / marker.length()) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] zipLike = ("PK\u0003\u0004" + marker.repeat(200)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = new byte[4096];
        random.nextBytes(binary);
        must.add(well.with(type, csv).as(type + " with ID numbers and odd text", true));
        must.add(well.with(type, zipLike).as(type + " that looks like a zip", true));
        must.add(well.with(type, binary).as(type + " random bytes", true));
        must.add(well.with(type, new byte[0]).as(type + " empty", true));
        must.add(well.with(type, FuzzJson.nestedArrays(DEEP).json().getBytes(StandardCharsets.UTF_8)).as(type + " deep JSON", true));
        must.add(well.with("application/json", csv).as(type + " content sent as JSON", true));
    }

    private void multipartCases(Request well, List<Case> must) {
        String boundary = "fz" + marker;
        String csv = "sourceRecordId,idNumber\n" + idNumber + "," + idNumber + "\n";
        String type = "multipart/form-data; boundary=" + boundary;
        must.add(well.with(type, part(boundary, "file", idNumber + "\u0000.csv", csv) + "--" + boundary + "--\r\n")
                .as("multipart: ID numbers in file name and content", true));
        must.add(well.with(type, part(boundary, "other" + marker, "a.csv", csv) + "--" + boundary + "--\r\n")
                .as("multipart: no part 'file'", true));
        must.add(well.with(type, part(boundary, "file", "../../" + marker, "\u0000\u0001garbage"))
                .as("multipart: never closed", true));
        must.add(well.with("multipart/form-data", part(boundary, "file", "a.csv", csv)).as("multipart: no boundary", true));
        must.add(well.with(type, "--" + boundary + "\r\n" + marker.repeat(HUGE / marker.length())).as("multipart: no headers", true));
    }

    private static String part(String boundary, String name, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
    }

    /** A request in the making: where to, with what body. */
    private record Request(String pathAndQuery, String contentType, byte[] body, String accept) {
        Request(String pathAndQuery, String contentType, String body) {
            this(pathAndQuery, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
        }

        Request at(String url) {
            return new Request(url, contentType, body, accept);
        }

        Request with(String type, String text) {
            return with(type, text.getBytes(StandardCharsets.UTF_8));
        }

        Request with(String type, byte[] content) {
            return new Request(pathAndQuery, type, content, accept);
        }

        Request accepting(String type) {
            return new Request(pathAndQuery, contentType, body, type);
        }

        Case as(String label, boolean withToken) {
            return new Case(label, pathAndQuery, contentType, body, accept, withToken);
        }
    }

    // ---------------------------------------------------------------- sending and checking

    private int rotation;
    private final Map<Integer, Integer> statuses = new HashMap<>();

    private void send(Operation op, Case c, List<Finding> findings) {
        String token = null;
        if (c.withToken() && !op.roles().isEmpty()) {
            token = tokens.get(op.roles().get(rotation++ % op.roles().size())).get();
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + c.pathAndQuery())).timeout(Duration.ofSeconds(10))
                    .method(op.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzzer made an invalid URI: " + shorten(c.pathAndQuery()), e);
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.accept() != null) {
            request.header("Accept", c.accept());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        int status;
        String contentType;
        String headers;
        byte[] content;
        try {
            HttpResponse<InputStream> answer = sendOnce(request.build());
            status = answer.statusCode();
            contentType = answer.headers().firstValue("Content-Type").orElse("");
            headers = answer.headers().map().toString();
            try (InputStream in = answer.body()) {
                // A stream of events never ends: its status and headers are the answer.
                content = contentType.startsWith("text/event-stream") ? new byte[0] : in.readNBytes(MAX_READ);
            }
        } catch (IOException e) {
            findings.add(new Finding(op.label(), c.label(), "no HTTP answer: " + e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = new String(content, StandardCharsets.UTF_8);
        String where = c.label() + (c.withToken() ? "" : ", no token");
        statuses.merge(status, 1, Integer::sum);
        if (status == 401 && token != null) {
            // Malformed input never got past authentication: the run would prove nothing about it.
            findings.add(new Finding(op.label(), where, "HTTP 401 for a token of a role the operation accepts"));
        }
        if (status >= 500) {
            findings.add(new Finding(op.label(), where, "HTTP " + status + " " + shorten(text)));
        }
        if (took.compareTo(answerWithin) > 0) {
            findings.add(new Finding(op.label(), where, "answered after " + took.toMillis() + " ms (HTTP " + status + ")"));
        }
        for (String probe : List.of(idNumber.substring(0, 17), fullWidth(idNumber).substring(0, 17))) {
            if (text.contains(probe) || headers.contains(probe)) {
                findings.add(new Finding(op.label(), where, "HTTP " + status + " answer holds the ID number sent in"));
            }
        }
        if (status >= 400 && status < 500) {
            if (content.length > 0 && !contentType.startsWith(PROBLEM_JSON)) {
                findings.add(new Finding(op.label(), where, "HTTP " + status + " body is " + contentType + ", not " + PROBLEM_JSON));
            }
            if (text.contains(marker) || headers.contains(marker)) {
                findings.add(new Finding(op.label(), where, "HTTP " + status + " answer repeats a value sent in: " + shorten(text)));
            }
        }
    }

    /**
     * Sends again, once, when a pooled connection turns out closed: the server closes its side after some refusals
     * (a 414, a 413 with Connection: close) and the client may pick that connection before it notices.
     */
    private HttpResponse<InputStream> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException closed) {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    private void checkReady(List<Finding> findings) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !JSON.readTree(answer.body()).path("status").asText().equals("UP")) {
                findings.add(new Finding("GET /q/health/ready", "after the run", "not ready: HTTP " + answer.statusCode() + " " + answer.body()));
            }
        } catch (IOException e) {
            findings.add(new Finding("GET /q/health/ready", "after the run", "no HTTP answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void checkServiceLog(List<Finding> findings) {
        if (serviceLog == null || !Files.exists(serviceLog)) {
            return;
        }
        try {
            if (Files.readString(serviceLog, StandardCharsets.UTF_8).contains(idNumber.substring(0, 17))) {
                findings.add(new Finding("service log", serviceLog.toString(), "holds the ID number sent in"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String url(String template, Map<String, String> segments, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> s : segments.entrySet()) {
            path = path.replace("{" + s.getKey() + "}", s.getValue());
        }
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(separator).append(encode(q.getKey())).append('=').append(q.getValue());
            separator = '&';
        }
        return url.toString();
    }

    /** Percent-encodes every byte of the UTF-8 text but the unreserved characters of RFC 3986. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** The same digits as full-width characters (０-９, Ｘ), which a lenient parser might take for digits. */
    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == 'X' ? 'Ｘ' : c);
        }
        return out.toString();
    }

    /** Printable, short, and without the ID number: what a finding shows of a value or an answer. */
    private String shorten(String text) {
        String shown = text.replace(idNumber, "<ID>").replace(marker, "<M>");
        StringBuilder out = new StringBuilder();
        for (char c : (shown.length() > 120 ? shown.substring(0, 120) : shown).toCharArray()) {
            out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.length() > 120 ? out + "…(" + shown.length() + ")" : out.toString();
    }

    private String shortValue(Object value) {
        return value instanceof FuzzJson.Raw raw ? shorten(raw.json()) : value instanceof String s ? shorten(s) : String.valueOf(value);
    }

    private static void collectPaths(Object value, List<Object> path, List<List<Object>> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                List<Object> child = new ArrayList<>(path);
                child.add(e.getKey());
                out.add(child);
                collectPaths(e.getValue(), child, out);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            out.add(child);
            collectPaths(list.get(0), child, out);
        }
    }

    private static String describe(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(step);
            }
        }
        return out.length() == 0 ? "$" : out.toString();
    }

    /** A deep copy of {@code value} with the node at {@code path} replaced. */
    private static Object replaced(Object value, List<Object> path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(step, replaced(map.get(step), rest, replacement));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) value);
        copy.set((Integer) step, replaced(copy.get((Integer) step), rest, replacement));
        return copy;
    }

    /** A deep copy of {@code value} without the node at {@code path}. */
    private static Object without(Object value, List<Object> path) {
        Object step = path.get(0);
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            if (path.size() == 1) {
                copy.remove(step);
            } else {
                copy.put(step, without(map.get(step), path.subList(1, path.size())));
            }
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) value);
        if (path.size() == 1) {
            copy.remove((int) (Integer) step);
        } else {
            copy.set((Integer) step, without(copy.get((Integer) step), path.subList(1, path.size())));
        }
        return copy;
    }

    private static Object replaceStrings(Object value, String replacement) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, replaceStrings(v, replacement)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> replaceStrings(v, replacement)).toList();
        }
        return value instanceof String ? replacement : value;
    }

    private static Object replaceAll(Object value, Object replacement) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, replaceAll(v, replacement)));
            return copy;
        }
        return replacement;
    }
}
