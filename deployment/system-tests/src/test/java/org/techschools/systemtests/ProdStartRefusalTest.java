package org.techschools.systemtests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In production a service does not start without the key, issuer and audience its bearer tokens are checked against:
 * each packaged service, started as production starts it but with one of them unset or the key file missing, exits
 * and its log names the setting.
 */
class ProdStartRefusalTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void servers() {
        platform = new RunningPlatform();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<Arguments> unsetSettings() {
        Map<String, String> settings = Map.of("JWT_PUBLIC_KEY_LOCATION", "mp.jwt.verify.publickey.location",
                "JWT_ISSUER", "mp.jwt.verify.issuer", "JWT_AUDIENCE", "mp.jwt.verify.audiences");
        return Stream.of(RunningPlatform.SERVICES).flatMap(service -> settings.entrySet().stream()
                .map(s -> Arguments.of(service, s.getKey(), s.getValue())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("unsetSettings")
    void aServiceWithoutATokenSettingDoesNotStart(String service, String variable, String property) throws Exception {
        assertRefused(service, Collections.singletonMap(variable, null), property);
    }

    @Test
    void aServiceWhoseKeyFileIsMissingDoesNotStart() throws Exception {
        assertRefused("enrollment-service", Map.of("JWT_PUBLIC_KEY_LOCATION", "/nonexistent/jwt-public.pem"),
                "mp.jwt.verify.publickey.location");
    }

    /** The demo sign-in (pick any role) exists for the local launcher's demo profile only, never in production. */
    @Test
    void aProductionServiceRefusesTheDemoSignIn() throws Exception {
        assertRefused("registration-service", Map.of("PLATFORM_CONSOLE_DEMO_SIGN_IN", "true"), "platform.console.demo-sign-in");
    }

    private static void assertRefused(String service, Map<String, String> changes, String named) throws Exception {
        Process process = platform.launch(service, RunningPlatform.freePort(), changes);
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), service + " kept running");
            assertNotEquals(0, process.exitValue());
            String log = Files.readString(platform.logFile(service));
            assertTrue(log.contains(named), service + "'s log does not name " + named + ":\n" + log);
        } finally {
            process.destroyForcibly();
        }
    }
}
