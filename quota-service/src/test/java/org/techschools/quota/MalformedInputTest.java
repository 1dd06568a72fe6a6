package org.techschools.quota;

import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.net.URI;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.commons.domain.Topics;
import org.techschools.testinfra.OpenApiFuzzer;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * Malformed input to every operation of the OpenAPI document, as an outside fuzzer sends it: no 5xx, no ID number
 * sent in comes back, every refusal is problem+json and quick, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class MalformedInputTest {

    private static final Logger LOG = Logger.getLogger(MalformedInputTest.class);

    private static final String ZHEJIANG = "330000";
    private static final String HANGZHOU = "330100";

    @TestHTTPResource("/")
    URI service;

    @Test
    void malformedInputToEveryOperationIsRefusedCleanly() {
        String school = schoolCode("FZ");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(school, "学校" + school, ZHEJIANG, HANGZHOU));
        awaitConsumed(Topics.SCHOOL_EVENTS);
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(service)
                .tokensFor(school, HANGZHOU, ZHEJIANG)
                // Well-formed requests name the token's own school and region, so malformed ones get past scope checks.
                .known("schoolCode", school).known("school", school)
                .known("provinceCode", ZHEJIANG).known("province", ZHEJIANG)
                .known("cityCode", HANGZHOU).known("city", HANGZHOU)
                .known("year", 2031).known("majorCode", "0101").known("classLevel", "INTERMEDIATE")
                .known("studyMode", "FULL_TIME").known("count", 10)
                .run();
        LOG.info(report.describe());
        report.assertClean();
    }
}
