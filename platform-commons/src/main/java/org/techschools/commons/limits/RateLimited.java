package org.techschools.commons.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint with a rate limit of its own ({@code platform.limits.rate.<value>}), counted per school (the token's
 * {@code school} claim) or, for an office, per token subject — on top of the limit every write has. Public endpoints
 * ({@code @PermitAll}) are limited per client address without it; one that answers what should not be enumerated (a
 * certificate check) names a tighter limit of its own, also counted per client address.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    String value();
}
