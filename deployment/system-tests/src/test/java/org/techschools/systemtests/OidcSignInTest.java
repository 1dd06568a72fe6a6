package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import org.techschools.testinfra.TestTokens;

/**
 * Production sign-in (the {@code oidc} profile): a person who opens a console page is sent to the province's identity
 * provider for the authorization-code flow, while API clients keep their bearer tokens. The identity provider here
 * publishes only its discovery document and key set, which is all a service reads of it before a person signs in.
 */
class OidcSignInTest {

    private static HttpServer identityProvider;
    private static RunningPlatform platform;
    private static String issuer;

    @BeforeAll
    static void start() throws IOException {
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/realms/zhejiang";
        serve("/realms/zhejiang/.well-known/openid-configuration", """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer));
        serve("/realms/zhejiang/protocol/openid-connect/certs", "{\"keys\":[]}");
        identityProvider.start();
        platform = new RunningPlatform().startOnly("registration-service", Map.of("QUARKUS_PROFILE", "prod,oidc",
                "CONSOLE_OIDC_ISSUER", issuer, "CONSOLE_OIDC_CLIENT_ID", "techschools-console",
                "CONSOLE_OIDC_CLIENT_SECRET", "console-client-secret"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    @Test
    void aConsolePageSendsThePersonToTheIdentityProvider() {
        given().baseUri(platform.url("registration-service")).redirects().follow(false).get("/console/alerts")
                .then().statusCode(302)
                .header("Location", startsWith(issuer + "/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=techschools-console"))
                .header("Location", containsString("response_type=code"));
    }

    @Test
    void theApiKeepsItsBearerTokensAndItsDemoSignInStaysOff() {
        given().baseUri(platform.url("registration-service")).auth().oauth2(TestTokens.auditor()).get("/api/v1/alerts")
                .then().statusCode(200);
        given().baseUri(platform.url("registration-service")).contentType("application/x-www-form-urlencoded")
                .formParam("role", "national").redirects().follow(false).post("/console/sign-in")
                .then().statusCode(302).header("Location", startsWith(issuer));
        // Without a token the API refuses; under this profile the OIDC mechanism answers 404 rather than 401 (README).
        given().baseUri(platform.url("registration-service")).get("/api/v1/alerts").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(404)))
                .body(org.hamcrest.Matchers.not(containsString("items")));
    }

    private static void serve(String path, String json) {
        identityProvider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
