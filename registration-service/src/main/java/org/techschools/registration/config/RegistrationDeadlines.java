package org.techschools.registration.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * 学籍注册截止日期 per province, intake season and optionally year, as month-day ({@code MM-dd}):
 * <pre>
 * platform.registration-deadlines.default.spring=03-31
 * platform.registration-deadlines."330000".autumn=10-31
 * platform.registration-deadlines."330000".years."2026".autumn=11-15
 * </pre>
 * Zhejiang's dates are 31 March and 31 October; other provinces differ, hence configuration
 * (docs/DOMAIN.md#registration-deadlines).
 * The key {@code default} applies to provinces without their own entry.
 */
@ConfigMapping(prefix = "platform.registration-deadlines")
public interface RegistrationDeadlines {

    /** Key of the entry that applies to provinces without their own. */
    String DEFAULT = "default";

    @WithParentName
    Map<String, Province> provinces();

    interface Province {

        /** 春季招生: deadline in the intake year. */
        Optional<String> spring();

        /** 秋季招生: deadline in the intake year. */
        Optional<String> autumn();

        /** Exceptions for single years, e.g. a deadline extended once. */
        Map<String, Season> years();
    }

    interface Season {

        Optional<String> spring();

        Optional<String> autumn();
    }
}
