package org.techschools.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which PostgreSQL server the tests, the benchmarks and the launcher start, on any distribution's layout. */
class PostgresBinariesTest {

    @TempDir
    Path root;

    @Test
    void theNewestInstalledMajorVersionWins() throws IOException {
        server("15");
        server("17");
        server("16");

        assertEquals(root.resolve("17/bin"), LocalPostgres.binDir(null, root));
    }

    @Test
    void versionsOlderThan15AndFoldersWithoutAServerAreIgnored() throws IOException {
        server("13");
        server("16");
        Files.createDirectories(root.resolve("18/bin")); // client-only package: no initdb
        Files.createDirectories(root.resolve("common/bin"));

        assertEquals(root.resolve("16/bin"), LocalPostgres.binDir("", root));
    }

    @Test
    void pgBinOverridesTheInstalledVersions() throws IOException {
        server("17");
        Path custom = server("15");

        assertEquals(custom, LocalPostgres.binDir(custom.toString(), root));
    }

    @Test
    void pgBinWithoutInitdbIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalPostgres.binDir(root.resolve("nowhere").toString(), root));

        assertTrue(e.getMessage().contains("PG_BIN") && e.getMessage().contains("initdb"), e.getMessage());
    }

    @Test
    void noServerNamesTheFix() throws IOException {
        server("14");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalPostgres.binDir(null, root));

        assertEquals("no PostgreSQL server 15 or later under " + root
                + ": apt-get install postgresql, or set PG_BIN to the server's bin directory", e.getMessage());
    }

    @Test
    void noInstallFolderAtAllNamesTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalPostgres.binDir(null, root.resolve("absent")));

        assertTrue(e.getMessage().startsWith("no PostgreSQL server 15 or later"), e.getMessage());
    }

    /** A version folder as the distribution's server package lays it out, with an executable initdb. */
    private Path server(String major) throws IOException {
        Path bin = Files.createDirectories(root.resolve(major).resolve("bin"));
        Files.writeString(bin.resolve("initdb"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("initdb"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
