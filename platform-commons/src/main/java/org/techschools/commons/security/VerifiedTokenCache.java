package org.techschools.commons.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers each bearer token that passed verification until it expires, so a client that sends the same token with
 * every request (a school's API client, a dashboard polling) pays for the signature check and claim parsing once, not
 * per request — on a busy service that was a tenth of a single enrollment POST.
 * <p>
 * The key is the whole compact token, signature included, so only a byte-identical token hits; a token past its
 * {@code exp} is dropped and goes back through full verification, which rejects it.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    /** Enough for every school's and office's live tokens; beyond it the least used are verified again. */
    static final int MAX_TOKENS = 20_000;

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(new UntilTokenExpires())
            .build();

    @Inject
    @Delegate
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(token, parsed);
        return parsed;
    }

    /** Keeps an entry until the token's own {@code exp}; a token without one is not kept at all. */
    private static final class UntilTokenExpires implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            // System time, not the injected Clock: the JWT verifier judges exp by it, and a cache must not outlive that.
            long secondsLeft = jwt.getExpirationTime() - System.currentTimeMillis() / 1000;
            return secondsLeft <= 0 ? 0 : TimeUnit.SECONDS.toNanos(Math.min(secondsLeft, Duration.ofDays(1).toSeconds()));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
