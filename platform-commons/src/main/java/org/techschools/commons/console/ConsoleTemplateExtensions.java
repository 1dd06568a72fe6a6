package org.techschools.commons.console;

import java.time.Instant;

import io.quarkus.qute.TemplateExtension;

/** What console templates may call on values: {@code {alert.raisedAt.china}} shows an instant in China Standard Time. */
@TemplateExtension
public final class ConsoleTemplateExtensions {

    private ConsoleTemplateExtensions() {
    }

    static String china(Instant instant) {
        return ConsoleText.time(instant);
    }
}
