package org.reciprocity.matching.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.reciprocity.kit.access.Relation;
import org.reciprocity.kit.access.SubjectRelations;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;

/**
 * How the caller stands to what a path names: SELF for {@code {memberId}}, PARTY for the owner of
 * {@code {listingId}} and for either member of {@code {matchId}}. Listings and matches are read
 * from the database, so a decision never rests on a stale copy; something that does not exist
 * gives no relation.
 */
final class MatchingSubjects implements SubjectRelations {

    private final Listings listings;
    private final Matches matches;

    MatchingSubjects(Listings listings, Matches matches) {
        this.listings = listings;
        this.matches = matches;
    }

    @Override
    public Set<Relation> of(Caller caller, String timebankId, Map<String, String> path) {
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        String me = caller.memberId();
        if (me == null) {
            return relations;
        }
        if (me.equals(path.get("memberId"))) {
            relations.add(Relation.SELF);
        }
        String listingId = path.get("listingId");
        if (listingId != null && listings.find(timebankId, listingId).filter(l -> l.ownerId().equals(me)).isPresent()) {
            relations.add(Relation.PARTY);
        }
        String matchId = path.get("matchId");
        if (matchId != null && matches.find(timebankId, matchId).filter(m -> m.involves(me)).isPresent()) {
            relations.add(Relation.PARTY);
        }
        return relations;
    }
}
