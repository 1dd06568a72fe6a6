package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The ID-number access log is append-only for the service's own database user, and its hash chain shows a row changed
 * or removed around that (here by the superuser with the table's trigger disabled), naming the first broken row.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class AccessLogTamperTest {

    private static final String NO_CHANGE_TRIGGER = "id_number_access_no_change";

    @Inject
    DataSource dataSource;

    /** Reveals one new record's ID number as the auditor; answers the access-log row it wrote. */
    private static Map<String, Object> revealOne(String reason) {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = TestData.push(TestData.enrollment(school, "LOG-1"));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/enrollments/{id}/reveal", id).then().statusCode(200);
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.auditor()).queryParam("limit", 1000).get("/api/v1/access-log")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(row -> id.equals(row.get("enrollmentId"))).toList();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static JsonPath verify() {
        return given().auth().oauth2(TestTokens.national()).get("/api/v1/access-log/verify").then().statusCode(200).extract().jsonPath();
    }

    /** Runs SQL as the PostgreSQL superuser, with the table's no-change trigger off for it. */
    private static void behindTheServicesBack(String sql) {
        PlatformInfra.get().postgres().execute("enrollment", "BEGIN; ALTER TABLE id_number_access DISABLE TRIGGER " + NO_CHANGE_TRIGGER
                + "; " + sql + "; ALTER TABLE id_number_access ENABLE TRIGGER " + NO_CHANGE_TRIGGER + "; COMMIT");
    }

    private void asTheService(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void theServicesOwnDatabaseUserCannotChangeOrRemoveARow() {
        Map<String, Object> row = revealOne("学籍核查 append-only");
        String id = row.get("id").toString();
        for (String sql : List.of("UPDATE id_number_access SET reason = 'rewritten' WHERE id = '" + id + "'",
                "DELETE FROM id_number_access WHERE id = '" + id + "'", "TRUNCATE id_number_access")) {
            assertThrows(SQLException.class, () -> asTheService(sql), sql);
        }
        // Grants do not bind a superuser; the trigger does.
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PlatformInfra.get().postgres()
                .execute("enrollment", "UPDATE id_number_access SET reason = 'rewritten' WHERE id = '" + id + "'"));
        assertTrue(refused.getCause().getMessage().contains("append-only"), refused.getCause().getMessage());
        assertThrows(IllegalStateException.class, () -> PlatformInfra.get().postgres().execute("enrollment", "TRUNCATE id_number_access"));

        given().auth().oauth2(TestTokens.auditor()).queryParam("limit", 1000).get("/api/v1/access-log").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.reason", equalTo("学籍核查 append-only"));
        assertEquals(true, verify().getBoolean("intact"));
    }

    @Test
    void theCheckNamesTheFirstRowChangedOrAfterOneRemoved() {
        revealOne("核查 1");
        Map<String, Object> changed = revealOne("核查 2: 原因\n第二行");
        Map<String, Object> after = revealOne("核查 3");
        JsonPath intact = verify();
        assertEquals(true, intact.getBoolean("intact"));
        assertEquals(after.get("rowHash"), intact.getString("headHash"));
        String changedId = changed.get("id").toString();

        behindTheServicesBack("UPDATE id_number_access SET reason = '核查 2' WHERE id = '" + changedId + "'");
        try {
            JsonPath broken = verify();
            assertEquals(false, broken.getBoolean("intact"));
            assertEquals(changedId, broken.getString("firstBroken.id"));
            assertEquals("hash-mismatch", broken.getString("firstBroken.rule"));
            assertEquals(((Number) changed.get("seq")).longValue() - 1, broken.getLong("rowsChecked"));
        } finally {
            behindTheServicesBack("UPDATE id_number_access SET reason = E'核查 2: 原因\\n第二行' WHERE id = '" + changedId + "'");
        }
        assertEquals(true, verify().getBoolean("intact"));

        behindTheServicesBack("CREATE TABLE removed_access AS SELECT * FROM id_number_access WHERE id = '" + changedId + "'; "
                + "DELETE FROM id_number_access WHERE id = '" + changedId + "'");
        try {
            given().auth().oauth2(TestTokens.national()).get("/api/v1/access-log/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBroken.id", equalTo(after.get("id")))
                    .body("firstBroken.rule", equalTo("sequence-gap"));
        } finally {
            PlatformInfra.get().postgres().execute("enrollment",
                    "INSERT INTO id_number_access SELECT * FROM removed_access; DROP TABLE removed_access");
        }
        given().auth().oauth2(TestTokens.national()).get("/api/v1/access-log/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBroken", nullValue());
    }

    @Test
    void onlyTheNationalCentreRunsTheCheck() {
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/access-log/verify").then().statusCode(403);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/access-log/verify").then().statusCode(403);
        given().get("/api/v1/access-log/verify").then().statusCode(401);
    }
}
