package org.techschools.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Each rule of a complete API description fails the document that breaks it, naming operation and gap. */
class ApiDocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** POST /things/{id}: a secured operation with a path parameter and a JSON body, fully described. */
    private static ObjectNode complete() throws Exception {
        String problem = "{\"description\":\"refused\",\"content\":{\"application/problem+json\":{\"schema\":{\"$ref\":\"#/components/schemas/Problem\"}}}}";
        StringBuilder errors = new StringBuilder();
        for (String code : List.of("400", "401", "403", "404", "413", "429", "503")) {
            errors.append(",\"").append(code).append("\":").append(problem);
        }
        return (ObjectNode) JSON.readTree("""
                {"security":[{"bearer":[]}],
                 "components":{"schemas":{"Thing":{"type":"object","example":{"name":"x"}},"Problem":{"type":"object"}}},
                 "paths":{"/things/{id}":{"post":{
                   "summary":"Rename a thing",
                   "parameters":[{"name":"id","in":"path","description":"Thing id"}],
                   "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                   "responses":{"200":{"description":"the thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}%s}
                 }}}}""".formatted(errors));
    }

    private static ObjectNode operation(ObjectNode doc) {
        return (ObjectNode) doc.path("paths").path("/things/{id}").path("post");
    }

    @Test
    void aCompleteDocumentHasNoGaps() throws Exception {
        assertEquals(List.of(), ApiDocumentRules.gaps(complete()));
    }

    @Test
    void aDocumentWithoutOperationsIsNotComplete() throws Exception {
        assertEquals(List.of("the document has no operations"), ApiDocumentRules.gaps(JSON.readTree("{\"paths\":{}}")));
    }

    @Test
    void eachMissingPieceIsNamed() throws Exception {
        ObjectNode doc = complete();
        ObjectNode op = operation(doc);
        op.remove("summary");
        ((ObjectNode) op.path("parameters").get(0)).remove("description");
        ((ObjectNode) doc.path("components").path("schemas").path("Thing")).remove("example");
        ObjectNode responses = (ObjectNode) op.path("responses");
        responses.remove("413");
        ((ObjectNode) responses.path("404")).remove("content");
        ((ObjectNode) responses.path("200").path("content").path("application/json")).remove("schema");

        assertEquals(List.of(
                "POST /things/{id}: no summary",
                "POST /things/{id}: parameter 'id' has no description",
                "POST /things/{id}: request body application/json has no example",
                "POST /things/{id}: 200 application/json has no schema",
                "POST /things/{id}: 404 is not described as application/problem+json",
                "POST /things/{id}: no 413 response"), ApiDocumentRules.gaps(doc));
    }

    @Test
    void aDownloadNeedsADescribedContentTypeAndAPublicOperationNoTokenAnswers() throws Exception {
        ObjectNode doc = complete();
        ObjectNode op = operation(doc);
        op.set("security", JSON.createArrayNode());
        ObjectNode responses = (ObjectNode) op.path("responses");
        responses.remove(List.of("401", "403"));
        responses.set("200", JSON.readTree("{\"description\":\"the file\",\"content\":{\"text/csv\":{}}}"));
        assertEquals(List.of(), ApiDocumentRules.gaps(doc));

        responses.set("200", JSON.readTree("{\"description\":\"the file\"}"));
        assertEquals(List.of("POST /things/{id}: 200 has no content type"), ApiDocumentRules.gaps(doc));
    }
}
