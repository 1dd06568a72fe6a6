package org.techschools.commons.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body limit of an endpoint whose bodies are larger than a JSON request ({@code platform.limits.body.default}):
 * names the limit {@code platform.limits.body.<value>}, e.g. {@code @BodyLimit("upload")} reads
 * {@code platform.limits.body.upload=5M}. An endpoint without it gets the default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    String value();
}
