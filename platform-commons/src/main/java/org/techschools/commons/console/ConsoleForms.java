package org.techschools.commons.console;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;


import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerToken;

/**
 * Cross-site request forgery check of console forms: a form must carry the {@code csrf} claim of the session it was
 * rendered for. Bound to the signed session rather than to a cookie of its own, so it protects the console's forms only
 * and leaves the API's multipart uploads by bearer token as they are.
 */
@RequestScoped
public class ConsoleForms {

    public static final String FIELD = "csrf";

    @Inject
    CallerToken session;

    /** The value a form rendered for this session carries in its hidden {@code csrf} field. */
    public String token() {
        String token = session.claim(ConsoleSession.CSRF_CLAIM);
        return token == null ? "" : token;
    }

    /** 403 unless the form came from a page of this session. */
    public void check(String submitted) {
        String expected = session.claim(ConsoleSession.CSRF_CLAIM);
        if (expected == null || submitted == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("the form was not sent from a page of this session (csrf)");
        }
    }
}
