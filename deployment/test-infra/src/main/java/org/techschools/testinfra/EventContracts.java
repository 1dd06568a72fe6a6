package org.techschools.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event JSON against the schemas in {@code deployment/kafka/schemas/} (the contract tests use it). */
public final class EventContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /**
     * Checks the envelope against {@code envelope.schema.json} and its payload against the schema of its event type
     * (file {@code <schemaName>.schema.json}).
     *
     * @return the problems found; empty when the message honours the contract
     */
    public static Set<String> violations(String messageJson, String payloadSchemaName) {
        try {
            JsonNode envelope = MAPPER.readTree(messageJson);
            Set<String> problems = validate("envelope", envelope);
            problems.addAll(validate(payloadSchemaName, envelope.path("payload")));
            return problems;
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static Set<String> validate(String schemaName, JsonNode node) throws IOException {
        Path file = PlatformInfra.rootDir().resolve("deployment/kafka/schemas/" + schemaName + ".schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            JsonSchema schema = FACTORY.getSchema(in);
            Set<ValidationMessage> messages = schema.validate(node);
            return messages.stream().map(m -> schemaName + ": " + m.getMessage()).collect(Collectors.toSet());
        }
    }
}
