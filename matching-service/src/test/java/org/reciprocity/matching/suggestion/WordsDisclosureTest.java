package org.reciprocity.matching.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.matching.Fixtures.NOW;
import static org.reciprocity.matching.Fixtures.aMember;
import static org.reciprocity.matching.Fixtures.listing;
import static org.reciprocity.matching.Fixtures.needing;
import static org.reciprocity.matching.Fixtures.paused;
import static org.reciprocity.matching.Fixtures.suspended;
import static org.reciprocity.matching.Fixtures.withHistory;
import static org.reciprocity.matching.Fixtures.withSkills;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.suggestion.Suggestions.Suggestion;
import org.reciprocity.matching.vocabulary.Mode;

/**
 * Issue 14's disclosure test: every reason of a suggestion and every refusal about one side of a
 * match, worded for each reader (the member who asked, the member who would help, a coordinator)
 * in English and French, through the code the service runs (the ranking behind suggestions, the
 * hard rules and how a proposal's refusal is told). Nobody reads another member's kind, the access
 * needs on their profile, their time given and received, their open matches or their state
 * (paused, on hold, not checked), unless they are a coordinator; the access needs a listing states
 * are on the board and said to both sides.
 */
class WordsDisclosureTest {

    // private facts, each with a value no other words contain
    static final long SAM_GIVEN = 737;      // 12 h 17 min
    static final long ALI_RECEIVED = 613;   // 10 h 13 min
    static final long ALI_GIVEN = 61;       // 1 h 1 min
    static final long ALI_OPEN = 2;
    static final List<String> SAM_PRIVATE = List.of("quiet room", "12 h 17 min", "737", "service user", "SERVICE_USER");
    static final List<String> ALI_PRIVATE = List.of("hearing loop", "10 h 13 min", "613", "1 h 1 min", "\":613", "\":61,", "\":61}",
            "matches that are still open", "mises en relation en cours", "open\":2");

    Profile sam = withHistory(needing(aMember("sam"), "quiet room"), SAM_GIVEN, 0);
    Profile ali = withSkills(withHistory(needing(aMember("ali"), "hearing loop"), ALI_GIVEN, ALI_RECEIVED), "befriending");
    // the need states its own access need: that one is on the board
    Listing need = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON, "M14",
            Set.of("step-free"), false);
    Listing offer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON, "M14",
            Set.of(), false);

    @Test
    void aSuggestionsReasonsTellEachReaderOnlyWhatTheirRoleMaySee() {
        int checked = 0;
        // Sam reads the suggestions for his need; Ali for her offer; a coordinator both
        String toSam = words(rank(need, sam, Audience.member("sam")));
        String toAli = words(rank(offer, ali, Audience.member("ali")));
        String toCoordinator = words(rank(need, sam, Audience.EVERYTHING)) + words(rank(offer, ali, Audience.EVERYTHING));
        checked += 3;

        assertThat(toSam).as("Sam reads of Ali").doesNotContain(ALI_PRIVATE);
        assertThat(toAli).as("Ali reads of Sam").doesNotContain(SAM_PRIVATE);
        // the access needs on a profile are theirs to tell: not said even to a coordinator or to themself
        assertThat(toSam + toAli + toCoordinator).doesNotContain("quiet room", "hearing loop", "service user", "SERVICE_USER");
        // what the need states is on the board, for everyone
        assertThat(toSam).contains("step-free");
        assertThat(toAli).contains("step-free");
        // each member reads their own figures, and a coordinator everybody's
        assertThat(toAli).contains("10 h 13 min", "matches that are still open");
        assertThat(toSam).contains("12 h 17 min");
        assertThat(toCoordinator).contains("10 h 13 min", "12 h 17 min", "matches that are still open");
        System.out.println("Disclosure: suggestion reasons checked for " + checked + " readers in "
                + Wording.LANGUAGES.size() + " languages, words and parameters");
    }

    @Test
    void aRefusalAboutTheOtherSideTellsAMemberOnlyThatTheyCannotBeMatchedNow() {
        List<UnaryOperator<Profile>> states = List.of(p -> paused(p), p -> suspended(p), p -> p);
        Map<String, String> told = new LinkedHashMap<>();
        for (UnaryOperator<Profile> state : states) {
            Profile stateOfAli = state.apply(ali);
            Listing verifiedOnly = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON,
                    "M14", Set.of(), true);
            for (Listing asked : List.of(need, verifiedOnly)) {
                for (long aliOpen : new long[] {0, 5}) {
                    Refusal refusal = HardRules.violation(asked, sam, offer, stateOfAli, aliOpen, 0, 5, NOW).orElse(null);
                    if (refusal == null) {
                        continue;
                    }
                    for (Locale language : Wording.LANGUAGES) {
                        Refusal toSam = HardRules.toldTo(Audience.member("sam"), refusal, stateOfAli, sam);
                        Refusal toCoordinator = HardRules.toldTo(Audience.EVERYTHING, refusal, stateOfAli, sam);
                        told.put(refusal.code() + " to Sam in " + language, toSam.code() + ": " + toSam.words(language)
                                + " " + toSam.params());
                        told.put(refusal.code() + " to a coordinator in " + language, toCoordinator.code());
                        assertThat(toSam.code()).as(refusal.code()).isEqualTo("member-not-available");
                        assertThat(toSam.words(language) + toSam.params()).as(refusal.code() + " in " + language)
                                .doesNotContain("pause", "hold", "suspendu", "checked", "vérifié", "open", "en cours",
                                        "5", "quiet room", "service");
                        assertThat(toCoordinator.code()).isEqualTo(refusal.code());
                        // the member it is about reads it about themself, as "you"
                        Refusal toAli = HardRules.toldTo(Audience.member("ali"), "ali", refusal, stateOfAli, sam);
                        told.put(refusal.code() + " to Ali in " + language, toAli.code());
                        assertThat(toAli.code()).startsWith("you-");
                        assertThat(toAli.words(language)).doesNotContain("Ali", "Sam", "{");
                    }
                }
            }
        }
        assertThat(told.values()).anyMatch(v -> v.equals("member-paused")).anyMatch(v -> v.equals("member-suspended"))
                .anyMatch(v -> v.equals("verified-giver-needed")).anyMatch(v -> v.equals("too-many-open-matches"));
        System.out.println("Disclosure: " + told.size() + " refusals about one side checked for the other member, "
                + "the member themself and a coordinator");
    }

    private List<Suggestion> rank(Listing listing, Profile owner, Audience reader) {
        Board board = Board.of(List.of(need, offer));
        Map<String, Profile> profiles = Map.of("sam", sam, "ali", ali);
        Ranking.Context context = new Ranking.Context(board, profiles::get, profiles::values,
                id -> id.equals("ali") ? ALI_OPEN : 0, 5, NOW);
        List<Suggestion> all = new ArrayList<>();
        for (Locale language : Wording.LANGUAGES) {
            all.addAll(Ranking.rank(context, listing, owner, 10, reader, language));
        }
        assertThat(all).as("suggestions for " + listing.id()).isNotEmpty();
        return all;
    }

    /** Everything a reader gets: the words and the codes' parameters. */
    private static String words(List<Suggestion> suggestions) {
        StringBuilder all = new StringBuilder();
        for (Suggestion s : suggestions) {
            all.append(s.reasons()).append(' ');
            s.why().forEach(why -> all.append(why.code()).append(new LinkedHashMap<>(why.params())).append(' '));
        }
        return all.toString().replace("=", "\":");
    }
}
