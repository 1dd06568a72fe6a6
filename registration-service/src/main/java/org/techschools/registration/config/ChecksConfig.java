package org.techschools.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the checks (查重规则) that are judgement calls rather than fixed rules ({@code platform.checks.*}). */
@ConfigMapping(prefix = "platform.checks")
public interface ChecksConfig {

    ProbableDuplicate probableDuplicate();

    interface ProbableDuplicate {

        /**
         * Name similarity (0..1) from which two different ID numbers with the same birth date and gender are
         * flagged: 0.85 keeps homophones (同音字) and traditional/simplified variants, and drops twins with
         * different given names.
         */
        @WithDefault("0.85")
        double threshold();
    }
}
