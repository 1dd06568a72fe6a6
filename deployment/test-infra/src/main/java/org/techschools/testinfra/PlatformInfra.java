package org.techschools.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server, one real Kafka broker and one JWT signing key per test JVM: started on
 * first use on free ports, stopped when the JVM exits. Every test class of a module shares them.
 */
public final class PlatformInfra {

    public static final String JWT_ISSUER = "https://techschools.local/test";
    /** The audience (aud) the services under test require of every token. */
    public static final String JWT_AUDIENCE = "techschools-test";

    private static final String RUNNING_PROPERTY = "techschools.test.infra.dir";
    private static final String DESCRIPTOR = "infra.properties";

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
            kafka = new LocalKafka(dir.resolve("kafka"), kafkaLibs(), Processes.freePort(), Processes.freePort());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            jwtKeys = generator.generateKeyPair();
            publicKeyPem = writePem(dir.resolve("jwt-public.pem"), "PUBLIC KEY", jwtKeys.getPublic().getEncoded());
            privateKeyPem = writePem(dir.resolve("jwt-private.pem"), "PRIVATE KEY", jwtKeys.getPrivate().getEncoded());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PlatformInfra(Path dir, Properties descriptor) {
        this.dir = dir;
        this.postgres = new LocalPostgres(dir.resolve("pg"), Integer.parseInt(descriptor.getProperty("pg.port")), false);
        this.kafka = new LocalKafka(dir.resolve("kafka"), kafkaLibs(), Integer.parseInt(descriptor.getProperty("kafka.port")),
                Integer.parseInt(descriptor.getProperty("kafka.controller.port")));
        this.publicKeyPem = dir.resolve("jwt-public.pem");
        this.privateKeyPem = dir.resolve("jwt-private.pem");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.jwtKeys = new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(readPem(publicKeyPem))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKeyPem))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test JWT keys in " + dir, e);
        }
    }

    private static PlatformInfra attach(Path dir) {
        Properties descriptor = new Properties();
        try (var in = Files.newInputStream(dir.resolve(DESCRIPTOR))) {
            descriptor.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot attach to the test servers in " + dir, e);
        }
        return new PlatformInfra(dir, descriptor);
    }

    private void writeDescriptor() {
        Properties descriptor = new Properties();
        descriptor.setProperty("pg.port", Integer.toString(postgres.port()));
        descriptor.setProperty("kafka.port", Integer.toString(kafka.port()));
        descriptor.setProperty("kafka.controller.port", Integer.toString(kafka.controllerPort()));
        try (var out = Files.newOutputStream(dir.resolve(DESCRIPTOR))) {
            descriptor.store(out, "servers of this test JVM");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path kafkaLibs() {
        return Path.of(System.getProperty("kafka.libs.dir", rootDir().resolve("deployment/kafka-runtime/target/libs").toString()));
    }

    /**
     * The servers of this JVM. Quarkus loads test classes and test resources in different class loaders, so the
     * instance that started the servers publishes itself through a system property and other loaders attach to it.
     */
    public static synchronized PlatformInfra get() {
        if (instance == null) {
            String running = System.getProperty(RUNNING_PROPERTY);
            instance = running != null ? attach(Path.of(running)) : startNew();
        }
        return instance;
    }

    /**
     * Starts the servers, once more on fresh ports if the first attempt fails (a free port can be taken by another
     * process between probing and binding). A failure names the server logs' last lines: on CI they are all we see.
     */
    private static PlatformInfra startNew() {
        RuntimeException first = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            PlatformInfra infra = new PlatformInfra();
            Thread hook = new Thread(infra::shutdown, "platform-infra-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                infra.postgres.start();
                infra.kafka.start();
                infra.kafka.createTopics(rootDir().resolve("deployment/kafka/topics.conf"));
                infra.writeDescriptor();
                System.setProperty(RUNNING_PROPERTY, infra.dir.toString());
                return infra;
            } catch (RuntimeException e) {
                RuntimeException failure = new IllegalStateException("test servers did not start (attempt " + attempt + ")\n"
                        + infra.logTails(), e);
                System.err.println(failure.getMessage());
                Runtime.getRuntime().removeShutdownHook(hook);
                infra.shutdown();
                if (first != null) {
                    failure.addSuppressed(first);
                    throw failure;
                }
                first = failure;
            }
        }
        throw first;
    }

    /** The last lines of every log the servers wrote, for a failure message. */
    private String logTails() {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder out = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".log") && Files.isRegularFile(f)).forEach(f -> {
                try {
                    List<String> lines = Files.readAllLines(f);
                    out.append("--- ").append(dir.relativize(f)).append('\n');
                    lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.append(l).append('\n'));
                } catch (IOException | UncheckedIOException e) {
                    out.append("--- ").append(f).append(": unreadable\n");
                }
            });
            return out.toString();
        } catch (IOException e) {
            return "(no logs in " + dir + ")";
        }
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
        keepLogs();
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

    /** Copies the server logs into the module's target/ so a failed build can be diagnosed after the folder is gone. */
    private void keepLogs() {
        Path target = Path.of("target", "test-servers", dir.getFileName().toString());
        if (!Files.isDirectory(Path.of("target"))) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            Files.createDirectories(target);
            files.filter(f -> f.toString().endsWith(".log") && Files.isRegularFile(f))
                    .forEach(f -> {
                        try {
                            Files.copy(f, target.resolve(dir.relativize(f).toString().replace('/', '-')),
                                    StandardCopyOption.REPLACE_EXISTING);
                        } catch (IOException e) {
                            // best effort: diagnostics only
                        }
                    });
        } catch (IOException e) {
            // best effort: diagnostics only
        }
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is under /tmp
        }
    }
}
