package org.reciprocity.matching.profile;

/**
 * Whether two members of a timebank are matched with each other (proposed, agreed or done): who may
 * see accessibility needs the member consented to show "to matched members" (issue 18). Matching's
 * match package answers it; the profile package only asks.
 */
@FunctionalInterface
public interface MatchedWith {

    boolean between(String timebankId, String oneMemberId, String otherMemberId);
}
