package org.techschools.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server, one real Kafka broker and one JWT signing key per test JVM: started on
 * first use on free ports, stopped when the JVM exits. Every test class of a module shares them.
 */
public final class PlatformInfra {

    public static final String JWT_ISSUER = "https://techschools.local/test";

    private static PlatformInfra instance;

    private final Path dir;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final KeyPair jwtKeys;
    private final Path publicKeyPem;
    private final Path privateKeyPem;

    private PlatformInfra() {
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "techschools-test-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            postgres = new LocalPostgres(dir.resolve("pg"), Processes.freePort(), false);
            kafka = new LocalKafka(dir.resolve("kafka"), Path.of(System.getProperty("kafka.libs.dir",
                    rootDir().resolve("deployment/kafka-runtime/target/libs").toString())), Processes.freePort(), Processes.freePort());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            jwtKeys = generator.generateKeyPair();
            publicKeyPem = writePem(dir.resolve("jwt-public.pem"), "PUBLIC KEY", jwtKeys.getPublic().getEncoded());
            privateKeyPem = writePem(dir.resolve("jwt-private.pem"), "PRIVATE KEY", jwtKeys.getPrivate().getEncoded());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized PlatformInfra get() {
        if (instance == null) {
            PlatformInfra infra = new PlatformInfra();
            Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "platform-infra-shutdown"));
            infra.postgres.start();
            infra.kafka.start();
            infra.kafka.createTopics(rootDir().resolve("deployment/kafka/topics.conf"));
            instance = infra;
        }
        return instance;
    }

    /** The repository root: surefire passes it; a run from an IDE falls back to walking up to the root pom. */
    public static Path rootDir() {
        String configured = System.getProperty("platform.root.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("deployment/kafka/topics.conf"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public KeyPair jwtKeys() {
        return jwtKeys;
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }

    public Path privateKeyPem() {
        return privateKeyPem;
    }

    public Path dir() {
        return dir;
    }

    private void shutdown() {
        try {
            kafka.stop();
        } finally {
            try {
                postgres.stop();
            } catch (RuntimeException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            deleteQuietly(dir);
        }
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is under /tmp
        }
    }
}
