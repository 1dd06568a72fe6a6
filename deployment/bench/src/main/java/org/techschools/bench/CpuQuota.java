package org.techschools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CPU limit on a running process, as a Kubernetes pod's CPU limit sets one: a cgroup of its own with a CFS quota
 * (cgroup v1's cpu controller, or v2's cpu.max; root needed). Closing it moves the process back and removes the
 * cgroup ({@code home}: the procs file of the hierarchy's root cgroup, where closing moves the process).
 */
record CpuQuota(Path group, Path home, long pid) implements AutoCloseable {

    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final Path V1 = V2.resolve("cpu");
    private static final long PERIOD_MICROS = 100_000;

    /** Holds process {@code pid} to {@code cores} of a core, in a cgroup named after {@code name}. */
    static CpuQuota limit(String name, long pid, double cores) throws IOException {
        boolean v2 = Files.exists(V2.resolve("cgroup.controllers"));
        Path base = v2 ? V2 : V1;
        if (!Files.isWritable(base.resolve("cgroup.procs"))) {
            throw new IllegalStateException("a CPU limit needs a writable cgroup hierarchy (cgroup v2, or v1's cpu"
                    + " controller) and root: " + base + " is not");
        }
        Path group = base.resolve("techschools-bench-" + name);
        Files.createDirectories(group);
        long quota = Math.round(cores * PERIOD_MICROS);
        if (v2) {
            Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
            Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
        } else {
            Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
        }
        // Writing a pid to cgroup.procs moves every thread of the process.
        Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
        return new CpuQuota(group, base.resolve("cgroup.procs"), pid);
    }

    @Override
    public void close() throws IOException {
        if (ProcessHandle.of(pid).isPresent()) {
            Files.writeString(home, Long.toString(pid));
        }
        // rmdir: a cgroup's directory holds only the kernel's files, which go with it.
        Files.delete(group);
    }
}
