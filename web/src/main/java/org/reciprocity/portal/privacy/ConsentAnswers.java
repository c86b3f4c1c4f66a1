package org.reciprocity.portal.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The four consent questions as a page shows them, and saving a page's answers: only those that
 * changed go to the ledger. Shared by the member's own page and a coordinator's paper record.
 */
@Component
class ConsentAnswers {

    /** The four consents, in the order the page asks them (the ledger's names). */
    static final List<String> CONSENTS = List.of("SUPPORTER_MAY_LOG", "SHOW_ACCESSIBILITY_TO_MATCHES", "EMAIL_ME",
            "SHARE_CONTRIBUTION_RECORD");

    private final PrivacyServices privacy;
    private final Zones zones;

    ConsentAnswers(PrivacyServices privacy, Zones zones) {
        this.privacy = privacy;
        this.zones = zones;
    }

    List<Question> questions(String tb, String memberId) {
        List<PrivacyServices.ConsentState> states = privacy.consents(tb, memberId);
        List<Question> questions = new ArrayList<>();
        for (String consent : CONSENTS) {
            Optional<PrivacyServices.ConsentState> state = stateOf(states, consent).filter(s -> s.given() != null);
            questions.add(new Question(consent, state.map(PrivacyServices.ConsentState::given).orElse(null),
                    state.map(s -> day(s.at(), tb)).orElse(null),
                    state.map(s -> "privacy.how." + (s.how() == null ? "PAGE" : s.how())).orElse(null)));
        }
        return questions;
    }

    /**
     * Sends each answer ("yes" or "no") that differs from what the ledger holds; a question left
     * unanswered stays as it is. How many changed.
     */
    int save(String tb, String memberId, Map<String, String> answers) {
        List<PrivacyServices.ConsentState> now = privacy.consents(tb, memberId);
        int changed = 0;
        for (String consent : CONSENTS) {
            String answer = answers.get(consent);
            if (!"yes".equals(answer) && !"no".equals(answer)) {
                continue;
            }
            boolean given = "yes".equals(answer);
            Boolean before = stateOf(now, consent).map(PrivacyServices.ConsentState::given).orElse(null);
            if (before == null || before != given) {
                privacy.record(tb, memberId, consent, given);
                changed++;
            }
        }
        return changed;
    }

    private String day(Instant at, String tb) {
        return at == null ? "" : Dates.day(at.atZone(zones.of(tb)).toLocalDate(), LocaleContextHolder.getLocale());
    }

    private static Optional<PrivacyServices.ConsentState> stateOf(List<PrivacyServices.ConsentState> states, String consent) {
        return states.stream().filter(s -> consent.equals(s.consent())).findFirst();
    }

    /**
     * One question of the page.
     *
     * @param given  null while never answered
     * @param day    the day it was last answered, in the timebank's zone
     * @param howKey the message key of how it was answered (on this page, on paper, from an e-mail)
     */
    record Question(String consent, Boolean given, String day, String howKey) {

        public String id() {
            return consent.toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean yes() {
            return Boolean.TRUE.equals(given);
        }

        public boolean no() {
            return Boolean.FALSE.equals(given);
        }
    }
}
