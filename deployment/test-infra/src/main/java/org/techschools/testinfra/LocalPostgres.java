package org.techschools.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL cluster (major version 15 or later) in a throw-away directory, started with the distribution's binaries.
 * Test clusters trade durability for speed (fsync off); the local run does not.
 */
public final class LocalPostgres {

    public static final String USER = "app";
    public static final String PASSWORD = "app";
    /** The oldest major version the schema and the tests rely on. */
    static final int MIN_MAJOR = 15;

    private final Path dir;
    private final int port;
    private final boolean durable;

    public LocalPostgres(Path dir, int port, boolean durable) {
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    /** PG_BIN, or the newest major version >= 15 that the distribution's packages installed under /usr/lib/postgresql. */
    public static Path binDir() {
        return binDir(System.getenv("PG_BIN"), Path.of("/usr/lib/postgresql"));
    }

    static Path binDir(String override, Path installRoot) {
        if (override != null && !override.isBlank()) {
            Path bin = Path.of(override);
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new IllegalStateException("PG_BIN=" + override + " holds no executable initdb: point it at a PostgreSQL server's bin directory");
            }
            return bin;
        }
        String missing = "no PostgreSQL server " + MIN_MAJOR + " or later under " + installRoot
                + ": apt-get install postgresql, or set PG_BIN to the server's bin directory";
        try (Stream<Path> majors = Files.list(installRoot)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d{1,4}") && Files.isExecutable(p.resolve("bin/initdb")))
                    .filter(p -> major(p) >= MIN_MAJOR)
                    .max(Comparator.comparingInt(LocalPostgres::major))
                    .map(p -> p.resolve("bin")).orElseThrow(() -> new IllegalStateException(missing));
        } catch (IOException e) {
            throw new IllegalStateException(missing, e);
        }
    }

    private static int major(Path versionDir) {
        return Integer.parseInt(versionDir.getFileName().toString());
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void start() {
        try {
            Files.createDirectories(dir);
            if (Processes.isRoot()) {
                Processes.run(List.of("chown", "-R", "postgres", dir.toString()), dir.resolve("setup.log"), Duration.ofSeconds(10));
            }
            Path data = dir.resolve("data");
            Path log = dir.resolve("postgres.log");
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Processes.run(Processes.asPostgresUser(List.of(binDir().resolve("initdb").toString(), "-D", data.toString(),
                        "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")), dir.resolve("initdb.log"), Duration.ofSeconds(60));
            }
            List<String> options = new ArrayList<>(List.of("-p " + port, "-k " + dir, "-c listen_addresses=127.0.0.1",
                    "-c max_connections=200"));
            if (!durable) {
                options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
            }
            Processes.run(Processes.asPostgresUser(List.of(binDir().resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-l", log.toString(), "-w", "-o", String.join(" ", options), "start")), dir.resolve("pg_ctl.log"), Duration.ofSeconds(60));
            execute("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                    + "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates an empty database owned by the application role (drops a leftover one first). */
    public void recreateDatabase(String name) {
        execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + USER);
    }

    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    public void stop() {
        Processes.run(Processes.asPostgresUser(List.of(binDir().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-m", "fast", "-w", "stop")), dir.resolve("pg_ctl.log"), Duration.ofSeconds(60));
    }
}
