package org.reciprocity.review.facts;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The review's erasures: which members were erased (ids only: what {@code MemberErased} on the
 * members topic says for ever), and the anonymous figures of their contributions. Both outlive a
 * rebuild: a rebuild folds the erased members' events with their ids replaced ({@link Fact#forget})
 * and counts their contributions from these figures, as before it.
 *
 * <p>An erasure's steps, each repeatable: {@link #begin} marks the member and draws the erasure's
 * token (or gives back the one drawn by an earlier attempt); {@link #keep} replaces the erasure's
 * figures (one document, so a repeat replaces rather than adds); {@link #rename} puts the token in
 * place of the member's id in the figures kept at earlier erasures; {@link #moved} forgets the token,
 * so nothing links the member's id to the figures any more.
 */
public interface Erasures {

    /**
     * Reads again which members are erased, so what another instance (or process) erased is forgotten
     * here too: {@link Projector} calls it once a batch.
     */
    default void refresh() {
    }

    /** Whether the member is erased (or being erased): what {@link Fact#forget} is given. */
    boolean erased(String timebankId, String memberId);

    default Predicate<String> in(String timebankId) {
        return id -> erased(timebankId, id);
    }

    /** Marks the member; the erasure's token while its figures are not yet kept, empty once they are. */
    Optional<String> begin(String timebankId, String memberId);

    void keep(String timebankId, String token, List<ErasedContribution> contributions);

    void rename(String timebankId, String party, String by);

    void moved(String timebankId, String memberId);

    /** Every erased contribution of the timebank. */
    List<ErasedContribution> contributions(String timebankId);

    /** Writes to the timebank's erased figures: what the figures' cache compares. */
    long changes(String timebankId);
}
