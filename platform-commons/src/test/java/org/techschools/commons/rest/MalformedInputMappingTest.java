package org.techschools.commons.rest;

import org.techschools.commons.problem.Problem;
import org.techschools.commons.text.StorableText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client sees for input the services cannot take: 400 problem+json naming field and rule, never a 500 and
 * never the value it sent.
 */
class MalformedInputMappingTest {

    record Student(String name, String idNumber) {
    }

    record Enrollment(String sourceRecordId, Student student) {
    }

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper json = new ObjectMapper();

    MalformedInputMappingTest() {
        new StorableTextJson().customize(json);
    }

    @Test
    void nulInAJsonStringIs400NamingTheField() {
        UnstorableTextException e = assertThrows(UnstorableTextException.class, () -> json.readValue(
                "{\"sourceRecordId\":\"R1\",\"student\":{\"name\":\"张\\u0000伟\"}}", Enrollment.class));

        Problem problem = problem(mappers.unstorableText(e), 400);
        assertEquals("student.name", problem.errors().get(0).field());
        assertEquals(StorableText.RULE, problem.errors().get(0).rule());
    }

    @Test
    void aLoneSurrogateIsRefusedAndAPairIsKept() throws Exception {
        assertThrows(UnstorableTextException.class, () -> json.readValue("{\"sourceRecordId\":\"\\ud800R\"}", Enrollment.class));
        assertThrows(UnstorableTextException.class, () -> json.readValue("{\"sourceRecordId\":\"R\\udc00\"}", Enrollment.class));
        assertEquals("R😀", json.readValue("{\"sourceRecordId\":\"R\\ud83d\\ude00\"}", Enrollment.class).sourceRecordId());
    }

    @Test
    void nestingDeeperThanJacksonAllowsIs400AtOnce() {
        long start = System.nanoTime();
        JsonProcessingException whole = assertThrows(JsonProcessingException.class,
                () -> json.readValue("[".repeat(10_000) + "]".repeat(10_000), Enrollment.class));
        JsonProcessingException inField = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"sourceRecordId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", Enrollment.class));

        assertEquals("malformed-json", problem(mappers.malformedJson(whole), 400).errors().get(0).rule());
        assertEquals("sourceRecordId", problem(mappers.malformedJson(inField), 400).errors().get(0).field());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused within a second");
    }

    @Test
    void aFrameworkRefusalNeverRepeatsWhatItQuotes() {
        String sent = "110101200001011234";
        Problem problem = problem(mappers.webApplication(new NotFoundException("no resource for " + sent)), 404);
        assertFalse(problem.detail().contains(sent));
    }

    @Test
    void aBodyThatEndsTooEarlyIs400() {
        Problem problem = problem(mappers.unreadableBody(new IOException("Connection terminated parsing multipart request")), 400);
        assertEquals("unreadable-body", problem.errors().get(0).rule());
    }

    @Test
    void textTheDatabaseRefusesIs400NotA500() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        Problem problem = problem(mappers.unexpected(new PersistenceException("could not execute query", nul)), 400);
        assertEquals(StorableText.RULE, problem.errors().get(0).rule());
    }

    @Test
    void storableTextKeepsEveryCharacterButNulAndHalfPairs() {
        assertTrue(StorableText.isStorable("张伟 ‮ ３３０ 😀 \t\n"));
        assertFalse(StorableText.isStorable("a\u0000"));
        assertFalse(StorableText.isStorable("\ud83d"));
        assertFalse(StorableText.isStorable("\ude00a"));
    }

    private static Problem problem(Response answer, int status) {
        assertEquals(status, answer.getStatus());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        return (Problem) answer.getEntity();
    }
}
