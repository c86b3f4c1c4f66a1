package org.reciprocity.notification;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.matrix.AuthorizationMatrix;

/**
 * Issue 10: every notification endpoint of the OpenAPI document, tried by every role, from this
 * timebank and another, as a stranger and as the member the path names (and with no sign-in at
 * all, which the unsubscribe link must let in), answers as its access rule says. A new endpoint is
 * in the matrix without a test of its own.
 */
class NotificationAuthorizationMatrixIT extends NotificationServiceIT {

    @Test
    void everyEndpointLetsInExactlyWhomItsAccessRuleNames() {
        new AuthorizationMatrix("notification-service", api, new NotificationMatrixFixtures(port, mongo)).verify();
    }
}
