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
 * A consumed batch's lookups run on generic plans and never JIT-compiled (the generic plan's estimate passes
 * {@code jit_above_cost} on a registry of millions), and only inside that batch's transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class LookalikeLookupsTest {

    @Test
    void aBatchsTransactionPlansOnceWithoutJitAndTheNextTransactionIsAsBefore() {
        List<String> before = QuarkusTransaction.requiringNew().call(LookalikeLookupsTest::settings);
        List<String> inBatch = QuarkusTransaction.requiringNew().call(() -> {
            LookalikeLookups.planOnce();
            return settings();
        });
        assertEquals(List.of("force_generic_plan", "off"), inBatch);
        assertEquals(before, QuarkusTransaction.requiringNew().call(LookalikeLookupsTest::settings),
                "the settings are the transaction's own (SET LOCAL), not the pooled connection's");
        assertEquals(List.of("auto", "on"), before, "the server's defaults hold outside a batch");
    }

    private static List<String> settings() {
        return PlainSql.list("SELECT current_setting('plan_cache_mode'), current_setting('jit')",
                row -> List.of(row.getString(1), row.getString(2))).get(0);
    }
}
