package org.reciprocity.portal.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your data" (issue 18): what we keep about the member and what they allow. For now it leads to
 * the consents page; other sections (who looked, export, erasure) are added to {@link #SECTIONS}.
 * The consents page is one form of four yes/no questions, each saying when and how it was last
 * answered; it works without JavaScript, and only the answers that changed are sent.
 */
@Controller
class MyDataController {

    /** The four consents, in the order the page asks them (the ledger's names). */
    static final List<String> CONSENTS = List.of("SUPPORTER_MAY_LOG", "SHOW_ACCESSIBILITY_TO_MATCHES", "EMAIL_ME",
            "SHARE_CONTRIBUTION_RECORD");

    /** A link on "Your data": its address and the message keys of its words. */
    record Section(String id, String href, String linkKey, String hintKey) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("consents-link", "/my-data/consents", "privacy.consents.link", "privacy.consents.linkHint"));

    private final PrivacyServices privacy;
    private final Zones zones;
    private final LayoutAdvice layout;

    MyDataController(PrivacyServices privacy, Zones zones, LayoutAdvice layout) {
        this.privacy = privacy;
        this.zones = zones;
        this.layout = layout;
    }

    @GetMapping("/my-data")
    String myData(Model model) {
        model.addAttribute("sections", SECTIONS);
        return "privacy/my-data";
    }

    @GetMapping("/my-data/consents")
    String consents(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("questions", questions(privacy.consents(me.timebankId(), me.memberId()), me.timebankId()));
        return "privacy/consents";
    }

    @PostMapping("/my-data/consents")
    String save(@RequestParam Map<String, String> answers, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        List<PrivacyServices.ConsentState> now = privacy.consents(me.timebankId(), me.memberId());
        int changed = 0;
        try {
            for (String consent : CONSENTS) {
                String answer = answers.get(consent);
                if (!"yes".equals(answer) && !"no".equals(answer)) {
                    continue; // not answered: a consent never asked stays so
                }
                boolean given = "yes".equals(answer);
                Boolean before = stateOf(now, consent).map(PrivacyServices.ConsentState::given).orElse(null);
                if (before == null || before != given) {
                    privacy.record(me.timebankId(), me.memberId(), consent, given);
                    changed++;
                }
            }
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "consent-" + CONSENTS.get(0))));
            return consents(model);
        }
        after.addFlashAttribute("done", changed == 0 ? "unchanged" : "saved");
        return "redirect:/my-data/consents";
    }

    private List<Question> questions(List<PrivacyServices.ConsentState> states, String timebankId) {
        List<Question> questions = new ArrayList<>();
        for (String consent : CONSENTS) {
            Optional<PrivacyServices.ConsentState> state = stateOf(states, consent).filter(s -> s.given() != null);
            questions.add(new Question(consent, state.map(PrivacyServices.ConsentState::given).orElse(null),
                    state.map(s -> day(s.at(), timebankId)).orElse(null),
                    state.map(s -> "privacy.how." + (s.how() == null ? "PAGE" : s.how())).orElse(null)));
        }
        return questions;
    }

    private String day(Instant at, String timebankId) {
        return at == null ? "" : Dates.day(at.atZone(zones.of(timebankId)).toLocalDate(), LocaleContextHolder.getLocale());
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
            return consent.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean yes() {
            return Boolean.TRUE.equals(given);
        }

        public boolean no() {
            return Boolean.FALSE.equals(given);
        }
    }
}
