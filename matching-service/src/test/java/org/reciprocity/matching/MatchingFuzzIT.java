package org.reciprocity.matching;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.fuzz.Fuzzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 11: every matching endpoint of the OpenAPI document, called with hostile path variables and
 * query parameters and with malformed, mistyped, oversized and wrongly labelled bodies by a caller
 * the policy lets in, answers a problem detail with a 4xx (never a 5xx), refuses what is clearly
 * invalid, and writes nothing when it refuses. A new endpoint is fuzzed without a test of its own.
 */
@ServiceIntegrationTest
class MatchingFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyEndpointRefusesHostileInputWithAProblemAndWritesNothing() {
        String timebank = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        new Fuzzer("matching-service", port, timebank, mongo.getDb(), Set.of())
                .verify();
    }
}
