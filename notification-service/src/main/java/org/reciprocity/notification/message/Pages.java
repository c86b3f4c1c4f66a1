package org.reciprocity.notification.message;

import java.util.Map;

/**
 * Where in the portal a message is acted on: the path its notice names ({@link Notices#PAGE}), else
 * the page of its kind (a statement on the account page, a coordinator's queue on theirs). Notices
 * stored before pages were named get their kind's page.
 */
public final class Pages {

    private Pages() {
    }

    public static String of(MessageKind kind, Map<String, String> params) {
        String page = params.get(Notices.PAGE);
        if (page != null && page.startsWith("/")) {
            return page;
        }
        return switch (kind) {
            case BALANCE_NEAR_LIMIT, MONTHLY_STATEMENT -> "/account";
            case QUEUE_DIGEST, DISPUTE_TO_REVIEW, DISPUTE_CLOSED, BALANCE_NEAR_LIMIT_TO_REVIEW -> "/coordination";
            case MATCH_PROPOSED, MATCH_ACCEPTED, MATCH_AGREED, MATCH_CANCELLED -> "/matches";
            case WELCOME -> "/";
            default -> "/contributions";
        };
    }
}
