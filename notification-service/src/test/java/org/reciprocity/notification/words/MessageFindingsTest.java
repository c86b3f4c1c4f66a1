package org.reciprocity.notification.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.notification.message.Notices.ACTIVITY;
import static org.reciprocity.notification.message.Notices.DEADLINE;
import static org.reciprocity.notification.message.Notices.OTHER;
import static org.reciprocity.notification.message.Notices.PAGE;
import static org.reciprocity.notification.message.Notices.REASON;
import static org.reciprocity.notification.message.Notices.VARIANT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.PortalProperties;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.message.Texts.Text;

/**
 * Issue 14's findings about notification's messages, one test each: who gave what and by when, a
 * real link, no disputer's words sent back to them, what happens at a balance limit, French as the
 * French write it. Behaviour is asserted on notices' codes and parameters; the words, where the
 * finding is about words, on the rendered texts.
 */
class MessageFindingsTest {

    static final String TIMEBANK = "tb-1";
    static final List<String> COORDINATORS = List.of("coordinator-1");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Texts texts = new Texts(NotificationWordsTest.messages());

    @Test
    void aRequestToConfirmSaysWhoGaveWhatForWhatAndByWhen() {
        Notice toReceiver = only(Notices.from(logged(LoggedBy.GIVER), COORDINATORS));
        Notice toGiver = only(Notices.from(logged(LoggedBy.RECEIVER), COORDINATORS));

        assertThat(toReceiver.recipientId()).isEqualTo("ali");
        assertThat(toReceiver.params()).containsEntry(OTHER, "sam").containsEntry(VARIANT, Notices.THEY_GAVE)
                .doesNotContainKey(ACTIVITY).containsEntry(DEADLINE, "2026-12-09T09:30:00Z");
        assertThat(toGiver.recipientId()).isEqualTo("sam");
        assertThat(toGiver.params()).containsEntry(OTHER, "ali").containsEntry(VARIANT, Notices.YOU_GAVE);
        Text asked = render(toReceiver, Locale.ENGLISH);
        String deadline = texts.when(Instant.parse("2026-12-09T09:30:00Z"), PARIS, Locale.ENGLISH);
        assertThat(asked.title()).contains("Sam").contains("1 hour and 30 minutes");
        // issue 18: what it was for is on the contribution's page, not in the message
        assertThat(asked.paragraphs().get(0)).contains("Sam").contains("1 hour and 30 minutes")
                .doesNotContain("Walk and talk").contains(deadline);
        assertThat(render(toGiver, Locale.ENGLISH).title()).isNotEqualTo(asked.title());
    }

    @Test
    void everyMessageAboutTimeOrAMatchLinksToThePortalPageThatActsOnIt() {
        PortalProperties portal = new PortalProperties("https://portal.example/");
        for (DomainEvent event : List.of(logged(LoggedBy.GIVER), reminder(), validated(), expired(), disputed("ali"),
                resolved(), rejected())) {
            for (Notice notice : Notices.from(event, COORDINATORS)) {
                assertThat(notice.params()).as(notice.kind() + " from " + event.getClass().getSimpleName())
                        .containsEntry(PAGE, "/contributions/c-1");
                Text text = render(notice, Locale.ENGLISH);
                assertThat(text.page()).isEqualTo("/contributions/c-1");
                assertThat(text.action()).as(notice.kind() + "'s button").isNotBlank().doesNotStartWith("kind.");
                assertThat(portal.link(text.page())).isEqualTo("https://portal.example/contributions/c-1");
            }
        }
        MatchAgreed agreed = new MatchAgreed(UUID.randomUUID(), Instant.now(), TIMEBANK, "m-1", "sam", "ali", "o", "n", 60, "Tea");
        assertThat(Notices.from(agreed, COORDINATORS)).allSatisfy(n -> assertThat(n.params()).containsEntry(PAGE, "/matches/m-1"));
        assertThat(texts.say("mail.link", Locale.ENGLISH)).isNotEqualTo("Open Reciprocity to see or answer.");
    }

    @Test
    void theMemberWhoRaisedAQuestionIsThankedAndNotToldTheirOwnWordsBack() {
        List<Notice> notices = Notices.from(disputed("ali"), COORDINATORS);

        Notice toAsker = notice(notices, "ali");
        Notice toOther = notice(notices, "sam");
        Notice toCoordinator = notice(notices, "coordinator-1");
        assertThat(toAsker.params()).doesNotContainKey(REASON).containsEntry(VARIANT, Notices.YOU_ASKED);
        // issue 18: nobody is sent the words; the other side and the coordinators are told where to read them
        assertThat(toOther.params()).doesNotContainKey(REASON).containsEntry(VARIANT, Notices.THEY_ASKED);
        assertThat(toCoordinator.kind()).isEqualTo(MessageKind.DISPUTE_TO_REVIEW);
        assertThat(toCoordinator.params()).doesNotContainKey(REASON);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            assertThat(String.join(" ", render(toAsker, locale).paragraphs())).doesNotContain("It was shorter");
            assertThat(String.join(" ", render(toOther, locale).paragraphs())).doesNotContain("It was shorter");
        }
        assertThat(String.join(" ", render(toOther, Locale.ENGLISH).paragraphs()))
                .contains("You can read what they said on the page about this time.");
        assertThat(String.join(" ", render(toCoordinator, Locale.ENGLISH).paragraphs())).contains("on its page");
    }

    /** A words finding: the words themselves are what is tested. */
    @Test
    void aBalanceNearALimitSaysWhatHappensAtTheLimitWithoutAFigure() {
        for (String direction : List.of("LOW", "HIGH")) {
            SoftLimitCrossed crossed = new SoftLimitCrossed(UUID.randomUUID(), Instant.now(), TIMEBANK, "ali", -540, -540,
                    -600, direction);
            Notice toMember = notice(Notices.from(crossed, COORDINATORS), "ali");
            String english = String.join(" ", render(toMember, Locale.ENGLISH).paragraphs());
            String french = String.join(" ", render(toMember, Locale.FRENCH).paragraphs());

            assertThat(english).contains("If it gets there,").doesNotContain("9 hours").doesNotContain("10 hours");
            assertThat(french).contains("S’il l’atteint,").doesNotContain("9 heures");
        }
        assertThat(texts.say("kind.BALANCE_NEAR_LIMIT.body.LOW", Locale.ENGLISH))
                .contains("you cannot get more help from members until you give some time");
    }

    @Test
    void frenchSaysBienvenueDansLaBanqueDeTempsAndTheFirstOfTheMonthAsPremier() {
        Text welcome = texts.render(MessageKind.WELCOME, Map.of(), Locale.FRENCH, PARIS, id -> null, "Riverside");

        assertThat(welcome.title()).isEqualTo("Bienvenue dans la banque de temps Riverside");
        assertThat(texts.date(LocalDate.parse("2026-12-01"), Locale.FRENCH)).isEqualTo("mardi 1er décembre");
        assertThat(texts.date(LocalDate.parse("2026-12-02"), Locale.FRENCH)).isEqualTo("mercredi 2 décembre");
        assertThat(texts.when(Instant.parse("2026-12-01T08:00:00Z"), PARIS, Locale.FRENCH)).isEqualTo("mardi 1er décembre à 09h00");
        assertThat(texts.date(LocalDate.parse("2026-12-01"), Locale.ENGLISH)).isEqualTo("Tuesday 1 December");
    }

    @Test
    void frenchNamesTheCoordinationTeamAsksIfItIsExactAndKeepsPunctuationOnItsLine() {
        var french = NotificationWordsTest.bundle("i18n/messages_fr.properties");

        assertThat(french.stringPropertyNames()).allSatisfy(key -> assertThat(french.getProperty(key)).as(key)
                .doesNotContain("coordinateur").doesNotContain("Est-ce juste")
                .doesNotContainPattern(" [:;?!»]").doesNotContain("« "));
        assertThat(french.getProperty("kind.PLEASE_CONFIRM.body.THEY_GAVE")).contains("Est-ce exact\u00a0?");
        assertThat(french.getProperty("kind.CONTRIBUTION_EXPIRED.body")).contains("L’équipe de coordination");
    }

    @Test
    void thePlainTextLetterHasNoWordsOrColonOfItsOwnEverythingComesFromTheBundles() throws IOException {
        String template;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("mail/letter.txt")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String literal = template.replaceAll("\\[\\((.*?)\\)]", "").replaceAll("\\[#[^\\]]*]|\\[/]", "");

        assertThat(literal).doesNotContain(":").doesNotContainPattern("\\p{L}{2,}");
    }

    @Test
    void everyRefusalHasFrenchWordsOfItsOwn() {
        for (NotificationRefusal refusal : NotificationRefusal.values()) {
            assertThat(Wording.template(refusal, Locale.FRENCH)).as(refusal.code())
                    .isNotBlank().isNotEqualTo(Wording.template(refusal, Locale.ENGLISH));
        }
    }

    private Text render(Notice notice, Locale locale) {
        return texts.render(notice.kind(), notice.params(), locale, PARIS,
                id -> Map.of("sam", "Sam", "ali", "Ali").get(id), "Riverside");
    }

    static Notice only(List<Notice> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }

    static Notice notice(List<Notice> notices, String recipient) {
        return notices.stream().filter(n -> n.recipientId().equals(recipient)).findFirst().orElseThrow();
    }

    static ContributionLogged logged(LoggedBy side) {
        String logger = side == LoggedBy.GIVER ? "sam" : "ali";
        String asked = side == LoggedBy.GIVER ? "ali" : "sam";
        return new ContributionLogged(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "sam", "ali", side, logger, null,
                asked, 90, LocalDate.parse("2026-11-24"), CoproductionKind.PEER_SUPPORT, "Walk and talk", null, null,
                Instant.parse("2026-12-09T09:30:00Z"));
    }

    static ValidationReminderDue reminder() {
        return new ValidationReminderDue(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "ali", "sam", "ali", 90,
                Instant.parse("2026-12-09T09:30:00Z"), 1, false);
    }

    static ContributionValidated validated() {
        return new ContributionValidated(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "ali", "sam", "ali", 90,
                "Thanks", null, "t-1");
    }

    static ContributionExpired expired() {
        return new ContributionExpired(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "sam", "ali");
    }

    static ContributionDisputed disputed(String by) {
        return new ContributionDisputed(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", by, "sam", "ali", "It was shorter");
    }

    static ContributionResolved resolved() {
        return new ContributionResolved(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "coordinator-1", "sam", "ali",
                90, 60, "We agreed on one hour", null, "t-1");
    }

    static ContributionRejected rejected() {
        return new ContributionRejected(UUID.randomUUID(), Instant.now(), TIMEBANK, "c-1", "coordinator-1", "sam", "ali",
                "Logged twice");
    }
}
