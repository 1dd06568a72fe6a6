package org.techschools.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.commons.persistence.PlainSql;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * A consumed batch's lookups run on generic plans, only inside that batch's transaction; no statement of the service is
 * JIT-compiled (the generic plan's estimate passes {@code jit_above_cost} on a registry of millions), whatever the
 * server's setting.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class LookalikeLookupsTest {

    @Test
    void aBatchsTransactionPlansOnceAndTheNextTransactionIsAsBeforeNeverWithJit() {
        List<String> before = QuarkusTransaction.requiringNew().call(LookalikeLookupsTest::settings);
        List<String> inBatch = QuarkusTransaction.requiringNew().call(() -> {
            LookalikeLookups.planOnce();
            return settings();
        });
        assertEquals(List.of("force_generic_plan", "off"), inBatch);
        assertEquals(before, QuarkusTransaction.requiringNew().call(LookalikeLookupsTest::settings),
                "the settings are the transaction's own (SET LOCAL), not the pooled connection's");
        assertEquals(List.of("auto", "off"), before, "the server's plan choice outside a batch, and the connection's jit");
        assertEquals("client", QuarkusTransaction.requiringNew().call(() -> PlainSql.list(
                "SELECT source FROM pg_settings WHERE name = 'jit'", row -> row.getString(1)).get(0)),
                "jit is the connection's own setting, not the server's");
    }

    private static List<String> settings() {
        return PlainSql.list("SELECT current_setting('plan_cache_mode'), current_setting('jit')",
                row -> List.of(row.getString(1), row.getString(2))).get(0);
    }
}
