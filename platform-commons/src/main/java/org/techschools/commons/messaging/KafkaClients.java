package org.techschools.commons.messaging;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * Settings of the Kafka clients a service builds by hand (the outbox relay's producer, a replay's consumer): the same
 * {@code kafka.*} configuration as the service's channels — bootstrap servers, TLS, SASL — under the client's own, so a
 * secured cluster needs its settings once.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> shared;

    /** The shared settings with {@code own} on top. */
    public Properties properties(Map<String, Object> own) {
        Properties props = new Properties();
        props.putAll(shared);
        props.putAll(own);
        return props;
    }
}
