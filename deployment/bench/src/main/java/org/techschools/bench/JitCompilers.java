package org.techschools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time a service JVM's JIT compiler threads have used, from /proc (the local platform runs on Linux): a fresh
 * JVM on two cores compiles its hot paths for minutes, and while it does, a benchmark measures the compiler beside the
 * service.
 */
final class JitCompilers {

    /** Compiler threads under this share of one core over a warm-up round: the JVM is warm. */
    static final double QUIET_SHARE = 0.10;

    /** A round's busiest share ({@link Round#busiestShare}) under {@link #QUIET_SHARE}, or none watched (NaN). */
    static boolean quiet(double share) {
        return !(share >= QUIET_SHARE);
    }

    /** One warm-up round over several JVMs: their compilers' CPU seconds when it began. */
    record Round(List<JitCompilers> compilers, double[] cpuSecondsBefore, long startNanos) {

        static Round begin(List<JitCompilers> compilers) {
            return new Round(compilers, compilers.stream().mapToDouble(JitCompilers::cpuSeconds).toArray(), System.nanoTime());
        }

        /** The busiest JVM's compilers' share of a core since the round began; NaN when none is watched. */
        double busiestShare() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double busiest = compilers.isEmpty() ? Double.NaN : 0;
            for (int i = 0; i < compilers.size(); i++) {
                busiest = Math.max(busiest, (compilers.get(i).cpuSeconds() - cpuSecondsBefore[i]) / seconds);
            }
            return busiest;
        }
    }

    /**
     * An untimed warm-up: what it sent, how long it took, and the compilers' share of a core in each of its rounds (of
     * the busiest JVM where it watched several).
     */
    record WarmUp(long sent, double seconds, List<Double> compilerShares) {
        double first() {
            return compilerShares.isEmpty() ? Double.NaN : compilerShares.get(0);
        }

        double last() {
            return compilerShares.isEmpty() ? Double.NaN : compilerShares.get(compilerShares.size() - 1);
        }

        /** The shares as percentages, e.g. {@code [40 %, 12 %, 3 %]}. */
        String sharesInPercent() {
            return compilerShares.stream().map(share -> String.format("%.0f %%", share * 100)).toList().toString();
        }
    }

    /** Kernel clock ticks per second of /proc/PID/task/TID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;
    private final Path tasks;

    JitCompilers(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** CPU seconds used so far by the JVM's C1 and C2 compiler threads (those alive now). */
    double cpuSeconds() {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(JitCompilers::compilerTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + tasks, e);
        }
    }

    /** utime + stime of a compiler thread ("C2 CompilerThre", the name cut to 15 characters), 0 for any other. */
    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // Fields after the command's closing parenthesis: state is the 3rd field of the line, utime the 14th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
