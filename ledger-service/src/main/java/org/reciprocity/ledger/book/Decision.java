package org.reciprocity.ledger.book;

import java.util.function.Function;

/**
 * What the ledger decided about a command: accepted with its result, or refused with a reason a
 * member can read ("this would take your balance below -10 h, the limit of this timebank").
 */
public record Decision<T>(T value, String refusal) {

    public static <T> Decision<T> accepted(T value) {
        return new Decision<>(value, null);
    }

    public static <T> Decision<T> refused(String reason) {
        return new Decision<>(null, reason);
    }

    public boolean isAccepted() {
        return refusal == null;
    }

    public <X extends RuntimeException> T orElseThrow(Function<String, X> exception) {
        if (refusal != null) {
            throw exception.apply(refusal);
        }
        return value;
    }
}
