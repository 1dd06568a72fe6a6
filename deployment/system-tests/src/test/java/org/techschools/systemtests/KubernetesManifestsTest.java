package org.techschools.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techschools.testinfra.PlatformInfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The production deployment (deployment/k8s/README.md) cannot rot: the manifests Quarkus writes when each service is
 * packaged (target/kubernetes/kubernetes.yml) still run two probed, bounded instances of the right image with every
 * secret taken from a Secret and none written in, and the hand-written resources in deployment/k8s/ still parse, name
 * what the services expect and declare the topics as deployment/kafka/topics.conf does.
 */
class KubernetesManifestsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path ROOT = PlatformInfra.rootDir();
    private static final Path K8S = ROOT.resolve("deployment/k8s");
    /** Environment variables the services read that hold a secret (a key's file location is not one). */
    private static final Pattern SECRET_ENV = Pattern.compile("\\$\\{([A-Z0-9_]*(?:SECRET|PASSWORD|_KEY)[A-Z0-9_]*)[:}]");

    @ParameterizedTest
    @ValueSource(strings = {"enrollment-service", "quota-service", "registration-service"})
    void serviceDeploymentRunsTwoProbedBoundedInstancesWithSecretsByReference(String service) throws IOException {
        Path manifest = ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
        assertTrue(Files.isRegularFile(manifest), manifest + " is written when the service is packaged");
        String db = service.substring(0, service.indexOf('-'));

        JsonNode deployment = only(documents(manifest), "Deployment");
        assertEquals(service, deployment.at("/metadata/name").asText());
        assertEquals("techschools", deployment.at("/metadata/namespace").asText());
        assertEquals(2, deployment.at("/spec/replicas").asInt(), "replicas");
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        JsonNode container = containers.get(0);

        assertTrue(container.at("/image").asText().matches("(.+/)?techschools/" + service + ":[^:]+"),
                "image techschools/" + service + ":<version>, was " + container.at("/image").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        for (String resource : List.of("cpu", "memory")) {
            assertFalse(container.at("/resources/limits/" + resource).asText().isEmpty(), "limit on " + resource);
            assertFalse(container.at("/resources/requests/" + resource).asText().isEmpty(), "request of " + resource);
        }

        Map<String, JsonNode> env = new HashMap<>();
        container.at("/env").forEach(e -> env.put(e.get("name").asText(), e));
        assertSecretRef(env, "QUARKUS_DATASOURCE_USERNAME", db + "-db-app", "username");
        assertSecretRef(env, "QUARKUS_DATASOURCE_PASSWORD", db + "-db-app", "password");
        for (String name : secretEnvironment(service)) {
            assertSecretRef(env, name, "techschools-keys", name);
        }
        assertEquals("techschools-config", container.at("/envFrom/0/configMapRef/name").asText(),
                "Kafka, issuer and audience from the shared ConfigMap");
        // The JWT public key is a file: mounted from its Secret where JWT_PUBLIC_KEY_LOCATION points.
        String keyLocation = env.get("JWT_PUBLIC_KEY_LOCATION").get("value").asText();
        JsonNode mount = container.at("/volumeMounts/0");
        assertTrue(keyLocation.startsWith(mount.get("mountPath").asText() + "/"), keyLocation);
        JsonNode volume = deployment.at("/spec/template/spec/volumes/0");
        assertEquals(mount.get("name").asText(), volume.get("name").asText());
        assertEquals("techschools-jwt", volume.at("/secret/secretName").asText());

        for (JsonNode e : env.values()) {
            String name = e.get("name").asText();
            if (isSecret(name)) {
                assertTrue(e.has("valueFrom") && !e.has("value"), name + " by reference only");
            }
        }
        String text = Files.readString(manifest);
        for (String value : knownSecretValues(service)) {
            assertFalse(text.contains(value), "a secret value of " + service + "'s configuration is in its manifest");
        }
        assertFalse(text.toLowerCase().contains("password="), "no password literal");
        assertFalse(text.contains("BEGIN"), "no key material");
        // Flyway runs in the service (migrate-at-start): no Job for it, no init container waiting on one.
        assertTrue(documents(manifest).stream().noneMatch(d -> d.at("/kind").asText().equals("Job")), "no init Job");
    }

    @Test
    void everyResourceInDeploymentK8sParsesAndTheExpectedKindsArePresent() throws IOException {
        List<JsonNode> all = allK8sResources();
        for (JsonNode doc : all) {
            assertFalse(doc.at("/apiVersion").asText().isEmpty(), "apiVersion in " + doc);
            assertFalse(doc.at("/metadata/name").asText().isEmpty(), "metadata.name in " + doc);
            if (!doc.at("/kind").asText().equals("Namespace")) {
                assertEquals("techschools", doc.at("/metadata/namespace").asText(), doc.at("/metadata/name").asText());
            }
        }
        Map<String, Long> kinds = all.stream().collect(Collectors.groupingBy(d -> d.at("/kind").asText(),
                TreeMap::new, Collectors.counting()));
        assertEquals(1L, kinds.get("Namespace"));
        assertEquals(1L, kinds.get("ConfigMap"));
        assertEquals(1L, kinds.get("Kafka"));
        assertEquals(1L, kinds.get("KafkaNodePool"));
        assertEquals(3L, kinds.get("Cluster"), "a CloudNativePG Cluster per service database");
        assertEquals(3L, kinds.get("HorizontalPodAutoscaler"));
        assertEquals(3L, kinds.get("PodDisruptionBudget"));
        assertNotNull(kinds.get("KafkaTopic"));
    }

    @Test
    void kafkaIsThreeKraftNodesWithReplicationThreeAndTwoInSync() throws IOException {
        List<JsonNode> all = allK8sResources();
        JsonNode pool = only(all, "KafkaNodePool");
        JsonNode kafka = only(all, "Kafka");
        assertEquals(kafka.at("/metadata/name").asText(), pool.at("/metadata/labels/strimzi.io~1cluster").asText());
        assertEquals(3, pool.at("/spec/replicas").asInt());
        Set<String> roles = new TreeSet<>();
        pool.at("/spec/roles").forEach(r -> roles.add(r.asText()));
        assertEquals(Set.of("broker", "controller"), roles);
        assertEquals(3, kafka.at("/spec/kafka/config/default.replication.factor").asInt());
        assertEquals(2, kafka.at("/spec/kafka/config/min.insync.replicas").asInt());
        JsonNode config = only(all, "ConfigMap").at("/data");
        assertEquals(kafka.at("/metadata/name").asText() + "-kafka-bootstrap:9092",
                config.at("/KAFKA_BOOTSTRAP_SERVERS").asText());
    }

    @Test
    void kafkaTopicsAreTheTopicsOfTopicsConf() throws IOException {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode t : allK8sResources()) {
            if (t.at("/kind").asText().equals("KafkaTopic")) {
                topics.put(t.at("/spec/topicName").asText(), t);
            }
        }
        List<String> declared = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("deployment/kafka/topics.conf"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] fields = line.strip().split("\\s+");
            String name = fields[0];
            declared.add(name);
            JsonNode topic = topics.get(name);
            assertNotNull(topic, "a KafkaTopic for " + name);
            assertEquals(Integer.parseInt(fields[1]), topic.at("/spec/partitions").asInt(), name + " partitions");
            assertEquals(3, topic.at("/spec/replicas").asInt(), name + " replicas");
            assertEquals("2", topic.at("/spec/config/min.insync.replicas").asText(), name + " min.insync.replicas");
            for (int i = 2; i < fields.length; i++) {
                String[] kv = fields[i].split("=", 2);
                assertEquals(kv[1], topic.at("/spec/config").get(kv[0]).asText(), name + " " + kv[0]);
            }
        }
        assertEquals(new TreeSet<>(declared), new TreeSet<>(topics.keySet()), "no topic beyond topics.conf");
    }

    @Test
    void eachServiceDatabaseIsAThreeInstanceClusterWhoseAppSecretTheServiceReads() throws IOException {
        for (JsonNode cluster : allK8sResources()) {
            if (!cluster.at("/kind").asText().equals("Cluster")) {
                continue;
            }
            String name = cluster.at("/metadata/name").asText();
            String db = name.substring(0, name.length() - "-db".length());
            assertTrue(Set.of("enrollment", "quota", "registration").contains(db), name);
            assertEquals(3, cluster.at("/spec/instances").asInt(), name);
            assertEquals(db, cluster.at("/spec/bootstrap/initdb/database").asText());
            assertEquals(db, cluster.at("/spec/bootstrap/initdb/owner").asText());
            assertEquals(db + "-db-app", cluster.at("/spec/bootstrap/initdb/secret/name").asText());
        }
    }

    private static boolean isSecret(String envName) {
        return SECRET_ENV.matcher("${" + envName + "}").find() && !envName.endsWith("_LOCATION");
    }

    private static void assertSecretRef(Map<String, JsonNode> env, String name, String secret, String key) {
        JsonNode e = env.get(name);
        assertNotNull(e, name + " in the container's environment");
        assertFalse(e.has("value"), name + " has no value in the manifest");
        assertEquals(secret, e.at("/valueFrom/secretKeyRef/name").asText(), name + " from Secret");
        assertEquals(key, e.at("/valueFrom/secretKeyRef/key").asText(), name + " key");
    }

    /** Secrets the service's own configuration reads from the environment outside %dev/%test, e.g. PERSON_KEY_SECRET. */
    private static Set<String> secretEnvironment(String service) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            if (line.startsWith("#") || line.startsWith("%dev.") || line.startsWith("%test.")) {
                continue;
            }
            Matcher m = SECRET_ENV.matcher(line);
            while (m.find()) {
                if (isSecret(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The %dev/%test values of secret settings: none may reach a manifest. */
    private static Set<String> knownSecretValues(String service) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            props.load(in);
        }
        Set<String> values = new TreeSet<>();
        props.forEach((k, v) -> {
            String key = k.toString();
            if (key.matches("%(dev|test)\\..*(secret|key|password).*") && !key.contains("location")) {
                values.add(v.toString());
            }
        });
        return values;
    }

    private static List<JsonNode> allK8sResources() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(documents(file));
            }
        }
        assertFalse(all.isEmpty());
        return all;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    assertFalse(doc.at("/kind").asText().isEmpty(), "kind in every document of " + file);
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.at("/kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }
}
