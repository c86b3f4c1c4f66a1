package org.reciprocity.review.erasure;

import java.util.List;
import java.util.Optional;

import org.reciprocity.review.facts.ErasedContribution;
import org.reciprocity.review.facts.ReviewFacts;
import org.reciprocity.review.figures.ReviewFigures;

/**
 * Forgets an erased member in the projections and keeps their figures anonymous: the member's
 * contributions go into the erased figures ({@link ErasedContribution}: kinds and minutes by month,
 * the member a random token), then their own documents go (their row, name, kind history, months,
 * balance, contributions list) and others' documents name them {@code ERASED}. Parity, the
 * indicators and their trends, for every period, are what they were; a rebuild from the topics gives
 * them again (the erased member's events are forgotten as they are folded, their contributions come
 * from the erased figures, which a rebuild keeps).
 *
 * <p>Each step is repeatable, so a crash anywhere repeats them when the event comes again: the
 * figures are one document per erasure, replaced (not added) until the token that names it is
 * forgotten; renaming and forgetting change nothing the second time.
 */
public final class ReviewErasure {

    private final ReviewFacts facts;
    private final ReviewFigures figures;

    public ReviewErasure(ReviewFacts facts, ReviewFigures figures) {
        this.facts = facts;
        this.figures = figures;
    }

    /**
     * One erasure at a time: the details' and the members' consumers may both start the same one at
     * once, and a second that kept its figures while the first was forgetting would keep them short.
     * (Each step is still repeatable, for a crash.)
     */
    public synchronized void erase(String timebankId, String memberId) {
        Optional<String> token = facts.erasures().begin(timebankId, memberId);
        if (token.isPresent()) {
            String person = ErasedContribution.PERSON + token.get();
            List<ErasedContribution> theirs = figures.contributionsOf(timebankId, memberId, person);
            facts.erasures().keep(timebankId, token.get(), theirs);
            // figures kept at earlier erasures that name this member (as the other side) name the token now
            facts.erasures().rename(timebankId, memberId, person);
            facts.erasures().moved(timebankId, memberId);
        }
        facts.forget(timebankId);
    }
}
