package org.reciprocity.matching.listing;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.vocabulary.Districts;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Taxonomy;

/**
 * What a listing says: validated once here, so every listing on the board is well formed.
 *
 * @param district   the coarse area where the help happens; {@code null} for remote help
 * @param recurrence {@code null} for one-off help
 * @param accessibility for an offer, the access needs it can meet (step-free, bsl); for a need, the ones it has
 */
public record ListingContent(String title, String description, String category, Set<String> tags,
                             long estimatedMinutes, Mode mode, String district, Recurrence recurrence,
                             Set<String> accessibility, Instant expiresAt, boolean requiresVerified) {

    public enum Recurrence { WEEKLY, FORTNIGHTLY, MONTHLY }

    public static final long MIN_MINUTES = 15;
    public static final long MAX_MINUTES = 8 * 60;

    public ListingContent {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
    }

    public static ListingContent of(String title, String description, String category, Collection<String> tags,
                                    Long estimatedMinutes, String mode, String district, String recurrence,
                                    Collection<String> accessibility, Instant expiresAt, boolean requiresVerified) {
        if (title == null || title.strip().length() < 3 || title.strip().length() > 120) {
            throw new Refused(MatchingRefusal.TITLE_LENGTH);
        }
        if (description != null && description.length() > 2000) {
            throw new Refused(MatchingRefusal.DESCRIPTION_TOO_LONG);
        }
        if (estimatedMinutes == null || estimatedMinutes < MIN_MINUTES || estimatedMinutes > MAX_MINUTES) {
            throw new Refused(MatchingRefusal.MINUTES_OUT_OF_RANGE.with("min", MIN_MINUTES, "max", MAX_MINUTES));
        }
        if (expiresAt == null) {
            throw new Refused(MatchingRefusal.EXPIRY_DATE_NEEDED);
        }
        Mode how = Mode.parse(mode);
        String area = district == null || district.isBlank() ? null : Districts.require(district);
        if (area == null && how != Mode.REMOTE) {
            throw new Refused(MatchingRefusal.DISTRICT_NEEDED);
        }
        Recurrence repeat = null;
        if (recurrence != null && !recurrence.isBlank()) {
            try {
                repeat = Recurrence.valueOf(recurrence.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refused(MatchingRefusal.UNKNOWN_RECURRENCE.with("value", recurrence));
            }
        }
        return new ListingContent(title.strip(), description == null ? "" : description.strip(),
                Taxonomy.category(category), Taxonomy.tags(tags), estimatedMinutes, how, area, repeat,
                Taxonomy.tags(accessibility), expiresAt, requiresVerified);
    }
}
