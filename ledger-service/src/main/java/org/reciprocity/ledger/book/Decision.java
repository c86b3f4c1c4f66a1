package org.reciprocity.ledger.book;

import java.util.function.Function;

/**
 * What the ledger decided about a command: accepted with its result, or refused with a reason a
 * member can read ("this would take your balance below -10 h, the limit of this timebank"). A
 * refusal says whether it is because something the command names does not exist ({@link #unknown}),
 * so an API can answer "not found" without reading the words.
 */
public record Decision<T>(T value, String refusal, boolean unknown) {

    public static <T> Decision<T> accepted(T value) {
        return new Decision<>(value, null, false);
    }

    public static <T> Decision<T> refused(String reason) {
        return new Decision<>(null, reason, false);
    }

    /** Refused because the timebank, member, contribution, transfer or activity it names does not exist. */
    public static <T> Decision<T> unknown(String reason) {
        return new Decision<>(null, reason, true);
    }

    /** The same refusal, for a command of another result type. */
    public <U> Decision<U> refusedAs() {
        return new Decision<>(null, refusal, unknown);
    }

    public boolean isAccepted() {
        return refusal == null;
    }

    /** The value, or the exception {@code unknownThing} makes of an unknown's reason, or {@code refused} of any other. */
    public <X extends RuntimeException> T orElseThrow(Function<String, X> refused, Function<String, X> unknownThing) {
        if (refusal != null) {
            throw unknown ? unknownThing.apply(refusal) : refused.apply(refusal);
        }
        return value;
    }
}
