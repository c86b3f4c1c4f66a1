package org.reciprocity.matching.suggestion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileField;
import org.reciprocity.matching.vocabulary.Districts;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;

/**
 * Scores a giver for a need. Pure and deterministic, so every rule is pinned by a unit test.
 * Reasons are only put into words when asked, for an {@link Audience}: a suggestion scores
 * thousands of candidates and explains the few it shows, and a reason tells a reader only what the
 * privacy rule lets them see of the other member (the score itself counts everything).
 */
public final class Scoring {

    static final int FIT = 30, AVAILABILITY = 15, DISTANCE = 15, LANGUAGE = 10, MODE = 10, ACCESS = 10, RECIPROCITY = 10;
    static final int LOAD_PER_OPEN_MATCH = 4;
    /** Minutes that damp the reciprocity tilt, so a first hour does not swing the score. */
    static final double DAMPING_MINUTES = 600;
    static final double NEAR_KM = 2, FAR_KM = 20;

    private Scoring() {
    }

    /**
     * The score without words.
     *
     * @param offer     the giver's offer, or {@code null} when the giver is suggested for their skills
     * @param giverOpen the giver's open matches: each costs points, so requests spread out
     */
    public static Score score(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen) {
        return score(need, receiver, offer, giver, giverOpen, (Words) null);
    }

    /** The score with its reasons in words, saying only what the reader may see of each member. */
    public static Score score(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen,
                              Audience reader) {
        return score(need, receiver, offer, giver, giverOpen, new Words(reader, receiver, giver));
    }

    private static Score score(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen,
                               Words words) {
        int fit = fit(need, offer, giver, words);
        int availability = availability(receiver, giver, words);
        int distance = distance(need, receiver, offer, giver, words);
        int language = language(receiver, giver, words);
        int mode = mode(need, offer, giver, words);
        int access = access(need, receiver, offer, words);
        int reciprocity = reciprocity(receiver, giver, words);
        int load = (int) Math.min(3, giverOpen) * LOAD_PER_OPEN_MATCH;
        if (words != null && giverOpen > 0 && words.mayTell(giver, ProfileField.OPEN_MATCHES)) {
            words.add(SuggestionReason.OPEN_MATCHES, "open", giverOpen);
        }
        int total = Math.max(0, Math.min(100, fit + availability + distance + language + mode + access + reciprocity - load));
        return new Score(total, fit, availability, distance, language, mode, access, reciprocity, load,
                words != null ? List.copyOf(words.reasons) : List.of());
    }

    /** The reasons being written, and for whom. */
    static final class Words {
        private final List<Why> reasons = new ArrayList<>();
        private final Audience reader;
        private final Why.Form form;
        private final Object[] names;

        Words(Audience reader, Profile receiver, Profile giver) {
            this.reader = reader;
            this.form = formFor(reader, receiver, giver);
            // names are on the board for every member; "other" is the one who is not the reader
            this.names = switch (form) {
                case RECEIVER -> new Object[] {"giver", giver.name(), "receiver", receiver.name(), "other", giver.name()};
                case GIVER -> new Object[] {"giver", giver.name(), "receiver", receiver.name(), "other", receiver.name()};
                case ABOUT -> new Object[] {"giver", giver.name(), "receiver", receiver.name()};
            };
        }

        /**
         * Whom the reasons speak to. Time given and received is never shared with other members,
         * so a reader who sees it of one side only is that side ("you"); a coordinator, who sees it
         * of both, and anyone else read about both sides by name.
         */
        static Why.Form formFor(Audience reader, Profile receiver, Profile giver) {
            boolean seesGiver = reader.sees(giver, ProfileField.MINUTES);
            boolean seesReceiver = reader.sees(receiver, ProfileField.MINUTES);
            if (seesGiver == seesReceiver) {
                return Why.Form.ABOUT;
            }
            return seesGiver ? Why.Form.GIVER : Why.Form.RECEIVER;
        }

        void add(SuggestionReason reason, Object... params) {
            Object[] all = new Object[names.length + params.length];
            System.arraycopy(names, 0, all, 0, names.length);
            System.arraycopy(params, 0, all, names.length, params.length);
            reasons.add(Why.of(reason, form, all));
        }

        boolean mayTell(Profile member, ProfileField field) {
            return reader.sees(member, field);
        }
    }

    static int fit(Listing need, Listing offer, Profile giver, Words reasons) {
        boolean sameCategory = offer != null ? offer.category().equals(need.category())
                : giver.skills().contains(need.category());
        if (reasons == null) {
            int shared = 0;
            for (String tag : need.tags()) {
                if (giver.tags().contains(tag) || (offer != null && offer.tags().contains(tag))) {
                    shared++;
                }
            }
            int tagPoints = need.tags().isEmpty() ? (sameCategory ? 10 : 0)
                    : (int) Math.round(10.0 * shared / need.tags().size());
            return (sameCategory ? 20 : 0) + tagPoints;
        }
        Set<String> giverTags = new HashSet<>(giver.tags());
        if (offer != null) {
            giverTags.addAll(offer.tags());
        }
        Set<String> shared = new TreeSet<>(need.tags());
        shared.retainAll(giverTags);
        int tagPoints = need.tags().isEmpty() ? (sameCategory ? 10 : 0)
                : (int) Math.round(10.0 * shared.size() / need.tags().size());
        if (reasons != null) {
            if (sameCategory) {
                reasons.add(offer != null ? SuggestionReason.OFFERS_WHAT_IS_ASKED : SuggestionReason.HAS_SKILLS_ASKED,
                        "category", need.category());
            }
            if (!shared.isEmpty()) {
                reasons.add(SuggestionReason.SHARED_TAGS, "tags", List.copyOf(shared));
            }
        }
        return (sameCategory ? 20 : 0) + tagPoints;
    }

    static int availability(Profile receiver, Profile giver, Words reasons) {
        if (receiver.availability().isEmpty() || giver.availability().isEmpty()) {
            return 5;
        }
        if (reasons == null) {
            int common = 0;
            for (Slot slot : receiver.availability()) {
                if (giver.availability().contains(slot)) {
                    common++;
                }
            }
            return common == 0 ? 0 : common == 1 ? 10 : AVAILABILITY;
        }
        List<Slot> common = receiver.availability().stream().filter(giver.availability()::contains)
                .sorted(java.util.Comparator.comparing(Slot::day).thenComparing(Slot::part)).toList();
        if (reasons.mayTell(receiver, ProfileField.AVAILABILITY) && reasons.mayTell(giver, ProfileField.AVAILABILITY)) {
            if (common.isEmpty()) {
                reasons.add(SuggestionReason.NO_TIME_IN_COMMON);
            } else {
                // the first free time in the week: one is enough to start, and short words read better
                reasons.add(SuggestionReason.BOTH_FREE, "slots", common.stream().limit(1).map(Slot::toString).toList());
            }
        }
        return common.isEmpty() ? 0 : common.size() == 1 ? 10 : AVAILABILITY;
    }

    static int distance(Listing need, Profile receiver, Listing offer, Profile giver, Words reasons) {
        if (need.mode() == Mode.REMOTE) {
            if (reasons != null) {
                reasons.add(SuggestionReason.CAN_BE_ONLINE);
            }
            return DISTANCE;
        }
        boolean fromListing = offer != null && offer.content().district() != null;
        boolean toListing = need.content().district() != null;
        String from = fromListing ? offer.content().district() : giver.district();
        String to = toListing ? need.content().district() : receiver.district();
        Optional<Double> km = Districts.kmBetween(from, to);
        if (km.isEmpty()) {
            return 5;
        }
        double d = km.get();
        // a listing's district is on the board; a profile's only for those who may see it
        if (reasons != null && (fromListing || reasons.mayTell(giver, ProfileField.DISTRICT))
                && (toListing || reasons.mayTell(receiver, ProfileField.DISTRICT))) {
            if (d < 1) {
                reasons.add(SuggestionReason.UNDER_1_KM);
            } else {
                reasons.add(SuggestionReason.KM_APART, "km", Math.round(d));
            }
        }
        if (d <= NEAR_KM) {
            return DISTANCE;
        }
        return d >= FAR_KM ? 0 : (int) Math.round(DISTANCE * (FAR_KM - d) / (FAR_KM - NEAR_KM));
    }

    static int language(Profile receiver, Profile giver, Words reasons) {
        if (reasons == null) {
            boolean shared = giver.language() != null && (giver.language().equals(receiver.language())
                    || receiver.languages().contains(giver.language()));
            for (String language : giver.languages()) {
                shared |= language.equals(receiver.language()) || receiver.languages().contains(language);
            }
            return shared ? LANGUAGE : 0;
        }
        Set<String> shared = new TreeSet<>(receiver.speaks());
        shared.retainAll(giver.speaks());
        if (reasons != null) {
            if (shared.isEmpty()) {
                reasons.add(SuggestionReason.NO_LANGUAGE_IN_COMMON);
            } else {
                // the less common language says more than "both speak English"
                String named = shared.stream().filter(l -> !l.equals("en")).findFirst().orElse(shared.iterator().next());
                reasons.add(SuggestionReason.BOTH_SPEAK, "language", named);
            }
        }
        return shared.isEmpty() ? 0 : LANGUAGE;
    }

    static int mode(Listing need, Listing offer, Profile giver, Words reasons) {
        boolean fits = offer != null ? offer.mode() == need.mode() : giver.accepts(need.mode());
        if (reasons != null && !fits && (offer != null || reasons.mayTell(giver, ProfileField.MODES))) {
            reasons.add(SuggestionReason.MODE_DIFFERS, "wanted", need.mode().name(),
                    "offered", offer != null ? offer.mode().name() : "OTHER");
        }
        return fits ? MODE : 0;
    }

    static int access(Listing need, Profile receiver, Listing offer, Words reasons) {
        Set<String> needs = new TreeSet<>(receiver.accessibilityNeeds());
        needs.addAll(need.content().accessibility());
        if (needs.isEmpty()) {
            return ACCESS;
        }
        Set<String> unmet = new TreeSet<>(needs);
        if (offer != null) {
            unmet.removeAll(offer.content().accessibility());
        }
        if (reasons != null) {
            // Only what the listings state is said, to anyone: the access needs on a member's profile
            // count in the score but are theirs to tell (issue 14: "may not meet the access needs: quiet space").
            Set<String> stated = new TreeSet<>(need.content().accessibility());
            Set<String> unmetStated = new TreeSet<>(stated);
            if (offer != null) {
                unmetStated.removeAll(offer.content().accessibility());
            }
            if (!stated.isEmpty() && offer == null) {
                reasons.add(SuggestionReason.ACCESS_TO_CHECK, "needs", List.copyOf(stated));
            } else if (!stated.isEmpty() && unmetStated.isEmpty()) {
                reasons.add(SuggestionReason.ACCESS_MET, "needs", List.copyOf(stated));
            } else if (!stated.isEmpty()) {
                reasons.add(SuggestionReason.ACCESS_MAY_NOT_BE_MET, "needs", List.copyOf(unmetStated));
            }
        }
        if (offer == null) {
            return ACCESS / 2;
        }
        return unmet.isEmpty() ? ACCESS : 0;
    }

    /**
     * Lifts givers who have received much and given little (so everyone gets to give) and receivers
     * who have given much and received little; 5 of 10 when both are balanced.
     */
    static int reciprocity(Profile receiver, Profile giver, Words reasons) {
        double giverTilt = tilt(giver.receivedMinutes(), giver.givenMinutes());
        double receiverTilt = tilt(receiver.givenMinutes(), receiver.receivedMinutes());
        if (reasons != null) {
            if (giver.receivedMinutes() >= 60 && giver.receivedMinutes() > giver.givenMinutes()
                    && reasons.mayTell(giver, ProfileField.MINUTES)) {
                reasons.add(SuggestionReason.CHANCE_TO_GIVE_BACK, "received", giver.receivedMinutes(),
                        "given", giver.givenMinutes());
            }
            if (receiver.givenMinutes() >= 60 && receiver.givenMinutes() > receiver.receivedMinutes()
                    && reasons.mayTell(receiver, ProfileField.MINUTES)) {
                reasons.add(SuggestionReason.HAS_GIVEN_MORE, "given", receiver.givenMinutes(),
                        "received", receiver.receivedMinutes());
            }
        }
        return (int) Math.round(RECIPROCITY / 4.0 * ((1 + giverTilt) + (1 + receiverTilt)));
    }

    private static double tilt(long more, long less) {
        return (double) (more - less) / (Math.abs(more) + Math.abs(less) + DAMPING_MINUTES);
    }
}
