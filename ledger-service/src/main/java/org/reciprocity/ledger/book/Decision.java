package org.reciprocity.ledger.book;

import java.util.function.Function;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Refusal;

/**
 * What the ledger decided about a command: accepted with its result, or refused with a
 * {@link Refusal} (a {@link LedgerRefusal} code and its parameters). A refusal's outcome says
 * whether something the command names does not exist, so an API answers "not found" without
 * reading words.
 */
public record Decision<T>(T value, Refusal refusal) {

    public static <T> Decision<T> accepted(T value) {
        return new Decision<>(value, null);
    }

    public static <T> Decision<T> refused(Refusal refusal) {
        return new Decision<>(null, refusal);
    }

    public static <T> Decision<T> refused(LedgerRefusal reason, Object... namesAndValues) {
        return refused(reason.with(namesAndValues));
    }

    /** The same refusal, for a command of another result type. */
    public <U> Decision<U> refusedAs() {
        return new Decision<>(null, refusal);
    }

    public boolean isAccepted() {
        return refusal == null;
    }

    /** Refused because the timebank, member, contribution, transfer or activity it names does not exist. */
    public boolean unknown() {
        return refusal != null && refusal.outcome() == Outcome.NOT_FOUND;
    }

    /** The value, or the exception {@code refused} makes of the refusal. */
    public <X extends RuntimeException> T orElseThrow(Function<Refusal, X> refused) {
        if (refusal != null) {
            throw refused.apply(refusal);
        }
        return value;
    }
}
