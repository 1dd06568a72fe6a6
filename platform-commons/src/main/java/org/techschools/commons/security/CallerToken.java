package org.techschools.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed token the caller came with: a bearer token, a console session, or (production console) the identity
 * provider's ID token. Read from the security identity rather than injected as {@code JsonWebToken}: with both
 * smallrye-jwt and OpenID Connect present, the injected one is OIDC's, which is empty for a bearer-token caller.
 */
@RequestScoped
public class CallerToken {

    @Inject
    SecurityIdentity identity;

    /** The token, or null for an anonymous caller. */
    public JsonWebToken get() {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** A claim of the token as text, or null. */
    public String claim(String name) {
        JsonWebToken jwt = get();
        Object value = jwt == null ? null : jwt.getClaim(name);
        return value == null ? null : value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    /** The caller's name, or null when anonymous. */
    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
