package org.reciprocity.ledger.contribution;

import org.reciprocity.kit.web.ApiException;

/** Turns the ledger's refusals into problem details: unknown things are 404, the rest 422. */
public final class Refusals {

    private Refusals() {
    }

    public static ApiException of(String reason) {
        return reason.startsWith("There is no") ? ApiException.notFound(reason) : ApiException.rejected(reason);
    }
}
