package org.reciprocity.review.facts;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * A contribution of an erased member, kept only as the figures need it: no contribution id, no
 * instant, no name; its kinds of contribution and of the two sides, and its minutes by month of the
 * timebank's zone (net of reversals, each in the month it was posted). Parity, the indicators and
 * the trends of any period of whole months are sums and counts over these, so they stay what they
 * were before the erasure. Aggregates by kind and period are not personal data; the member's rows
 * go (docs/personal-data.md 3.1).
 *
 * <p>The two sides are kept as parties, so an indicator still counts each person once over a period:
 * an erased member is a random token drawn at their erasure ({@code erased:…}, linked to nothing
 * else), another member is their id until they are erased too (then their token replaces it), an
 * organisation is {@code null} (not a person).
 *
 * @param id      a random id of this record
 * @param minutes month → minutes (negative for a reversal alone in its month)
 */
public record ErasedContribution(String id, CoproductionKind kind, PartyKind giverKind, PartyKind receiverKind,
                                 String giver, String receiver, boolean groupActivity, Map<YearMonth, Long> minutes) {

    public static final String PERSON = "erased:";

    public ErasedContribution {
        minutes = new TreeMap<>(minutes);
    }

    /** The record with {@code party} replaced by {@code by} (a member erased after this was kept). */
    public ErasedContribution renamed(String party, String by) {
        return new ErasedContribution(id, kind, giverKind, receiverKind, party.equals(giver) ? by : giver,
                party.equals(receiver) ? by : receiver, groupActivity, minutes);
    }

    public boolean names(String party) {
        return party.equals(giver) || party.equals(receiver);
    }
}
