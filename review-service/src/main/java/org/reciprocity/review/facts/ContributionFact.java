package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.LocalDate;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * A contribution's lifecycle, keyed {@code <timebank>|<contribution>}: what it was (from
 * {@code ContributionLogged}) and how far it went. A state further on wins over an earlier one, so
 * the lifecycle's events may arrive in any order and twice.
 *
 * @param logged   what was logged, or {@code null} while only a later event has been seen
 * @param status   the furthest state seen
 * @param statusAt when that state was reached
 */
public record ContributionFact(String timebankId, String contributionId, Logged logged, Status status,
                               Instant statusAt) implements Fact<ContributionFact> {

    /** What {@code ContributionLogged} says, without the description (a personal note): no page shows it. */
    public record Logged(String giverAccountId, String receiverAccountId, String awaitingValidationBy, long minutes,
                         LocalDate happenedOn, CoproductionKind kind, Instant loggedAt, String groupActivityId) {
    }

    /** The lifecycle, in the order a state can follow another; the last five end it. */
    public enum Status {
        LOGGED, DISPUTED, VALIDATED, RESOLVED, REJECTED, WITHDRAWN, EXPIRED;

        public boolean open() {
            return this == LOGGED || this == DISPUTED;
        }
    }

    @Override
    public String id() {
        return Keys.of(timebankId, contributionId);
    }

    @Override
    public ContributionFact merge(ContributionFact other) {
        ContributionFact further = other.status.ordinal() > status.ordinal()
                || (other.status == status && other.statusAt.isBefore(statusAt)) ? other : this;
        return new ContributionFact(timebankId, contributionId, logged != null ? logged : other.logged, further.status,
                further.statusAt);
    }

    @Override
    public ContributionFact forget(java.util.function.Predicate<String> erased) {
        if (logged == null || !(erased.test(logged.giverAccountId()) || erased.test(logged.receiverAccountId())
                || (logged.awaitingValidationBy() != null && erased.test(logged.awaitingValidationBy())))) {
            return this;
        }
        Logged l = logged;
        return new ContributionFact(timebankId, contributionId, new Logged(Keys.forget(l.giverAccountId(), erased),
                Keys.forget(l.receiverAccountId(), erased), Keys.forget(l.awaitingValidationBy(), erased), l.minutes(),
                l.happenedOn(), l.kind(), l.loggedAt(), l.groupActivityId()), status, statusAt);
    }

    /** Still waiting for a validation (or a coordinator's decision), as far as the events seen say. */
    public boolean waiting() {
        return logged != null && status.open();
    }

    public boolean involves(String accountId) {
        return logged != null && (logged.giverAccountId().equals(accountId) || logged.receiverAccountId().equals(accountId));
    }
}
