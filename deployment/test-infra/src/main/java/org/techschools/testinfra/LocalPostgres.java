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
 * A real PostgreSQL 15 cluster in a throw-away directory, started with the Debian binaries.
 * Test clusters trade durability for speed (fsync off); the local run does not.
 */
public final class LocalPostgres {

    public static final String USER = "app";
    public static final String PASSWORD = "app";

    private final Path dir;
    private final int port;
    private final boolean durable;

    public LocalPostgres(Path dir, int port, boolean durable) {
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    /** PG_BIN, or the newest major version of PostgreSQL that Debian's packages installed (15 on Debian 12). */
    public static Path binDir() {
        String override = System.getenv("PG_BIN");
        if (override != null) {
            return Path.of(override);
        }
        String missing = "no PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql, or set PG_BIN";
        try (Stream<Path> majors = Files.list(Path.of("/usr/lib/postgresql"))) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+") && Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin")).orElseThrow(() -> new IllegalStateException(missing));
        } catch (IOException e) {
            throw new IllegalStateException(missing, e);
        }
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
