package org.techschools.commons.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console (控制台) every service serves for the data it owns, and the links between the three. */
@ConfigMapping(prefix = "platform.console")
public interface ConsoleConfig {

    /** Where each service's pages are, as a browser reaches them: pages link across services with these. */
    @WithDefault("http://127.0.0.1:8081")
    String enrollmentUrl();

    @WithDefault("http://127.0.0.1:8082")
    String quotaUrl();

    @WithDefault("http://127.0.0.1:8083")
    String registrationUrl();

    /** The demo sign-in page (pick a role, school and region): for the local run only, refused in the prod profile. */
    @WithDefault("false")
    boolean demoSignIn();

    /** How long a console session lasts; the session cookie and the token in it end together. */
    @WithDefault("PT8H")
    Duration sessionLifetime();
}
