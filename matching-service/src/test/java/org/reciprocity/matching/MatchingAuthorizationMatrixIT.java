package org.reciprocity.matching;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.matrix.AuthorizationMatrix;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10: every matching endpoint of the OpenAPI document, tried by every role, from this
 * timebank and another, as a stranger and as the member, the listing's owner or a side of the match
 * the path names, answers as its access rule says. A new endpoint is in the matrix without a test
 * of its own.
 */
@ServiceIntegrationTest
class MatchingAuthorizationMatrixIT {

    @LocalServerPort
    int port;

    @Test
    void everyEndpointLetsInExactlyWhomItsAccessRuleNames() {
        new AuthorizationMatrix("matching-service", new ApiClient("http://localhost:" + port),
                new MatchingMatrixFixtures(port)).verify();
    }
}
