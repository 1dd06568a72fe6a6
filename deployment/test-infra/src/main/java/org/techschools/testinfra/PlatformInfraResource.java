package org.techschools.testinfra;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the shared real PostgreSQL and Kafka of this JVM.
 * Init arg {@code database}: the service's database, created empty for the test run.
 */
public class PlatformInfraResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "app");
    }

    @Override
    public Map<String, String> start() {
        PlatformInfra infra = PlatformInfra.get();
        infra.postgres().recreateDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infra.publicKeyPem().toString());
        config.put("mp.jwt.verify.issuer", PlatformInfra.JWT_ISSUER);
        config.put("mp.jwt.verify.audiences", PlatformInfra.JWT_AUDIENCE);
        // The console's sign-in signs its session with the key the tests sign their bearer tokens with.
        config.put("smallrye.jwt.sign.key.location", infra.privateKeyPem().toString());
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: other test classes of the module reuse them.
    }
}
