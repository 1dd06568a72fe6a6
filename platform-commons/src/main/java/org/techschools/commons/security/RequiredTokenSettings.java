package org.techschools.commons.security;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * In production a service starts only with the key, issuer and audience its bearer tokens are checked against.
 * smallrye-jwt reads them lazily and treats each as optional, so without this a service missing one would start and
 * then refuse every token (no key) or accept tokens of any issuer or audience. Required injection points fail the
 * start with Quarkus's own message naming the property and the unset environment variable.
 */
@Singleton
@IfBuildProfile("prod")
public class RequiredTokenSettings {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String keyLocation;

    /** A key named by a local path must be readable now, not at the first request. */
    void checkKey(@Observes StartupEvent start) {
        String location = keyLocation.strip();
        // classpath: and https: (an issuer's key set) are read by smallrye-jwt itself.
        Path local = location.startsWith("file:") ? Path.of(URI.create(location)) : location.contains(":") ? null : Path.of(location);
        if (local != null && !Files.isReadable(local)) {
            throw new IllegalStateException("mp.jwt.verify.publickey.location names no readable file");
        }
    }
}
