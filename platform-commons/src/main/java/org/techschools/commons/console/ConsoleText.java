package org.techschools.commons.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;

/** Text console pages show: a refusal of the API's rules as one line, and instants as a clerk in China reads them. */
public final class ConsoleText {

    /** Pages show China Standard Time; the API's instants are UTC. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private ConsoleText() {
    }

    /** A problem's detail and its field errors as one line (they never echo request values, so a page may show them). */
    public static String problem(ProblemException e) {
        Problem problem = e.toProblem();
        List<String> parts = new ArrayList<>();
        parts.add(problem.detail());
        if (problem.errors() != null) {
            problem.errors().forEach(f -> parts.add(f.field() + "：" + f.message()));
        }
        return String.join("；", parts);
    }

    /** {@code 2026-10-09 14:05} in China Standard Time; empty for none. */
    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
