package org.techschools.commons.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A person who opens a console page without a session is sent to sign in rather than shown a bare 401; API callers
 * keep getting 401. Pre-matching, so it runs before the role checks of the page.
 */
public class SignInFirst {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(preMatching = true)
    public Response signInFirst(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/console/") || path.startsWith(ConsoleView.SIGN_IN_PAGE) || path.lastIndexOf('.') > path.lastIndexOf('/')
                || !identity.isAnonymous()) {
            return null;
        }
        return Response.seeOther(URI.create(ConsoleView.SIGN_IN_PAGE)).build();
    }
}
