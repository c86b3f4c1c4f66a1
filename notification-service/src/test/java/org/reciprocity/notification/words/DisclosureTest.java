package org.reciprocity.notification.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Notices;

/**
 * Issue 14's disclosure bar for notification-service: no message to a member names another member's
 * balance, needs, kind or status. Only coordinators are told another's balance (their role may see
 * it, to check in); a member's texts that name another person say nothing of those facts; refusals
 * name no member at all.
 */
class DisclosureTest {

    /** The kinds only coordinators get: they may see a member's balance and both sides of a question. */
    static final Set<MessageKind> FOR_COORDINATORS = Set.of(MessageKind.DISPUTE_TO_REVIEW, MessageKind.DISPUTE_CLOSED,
            MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW, MessageKind.QUEUE_DIGEST);

    /** Words for another member's private facts, in English and French. */
    static final Pattern PRIVATE = Pattern.compile("(?i)balance|solde|suspend|paus|on hold|en pause|needs\\b|access need|besoins|accès"
            + "|neighbour|organisation|staff|personnel|kind of member|statut|status");

    @Test
    void onlyCoordinatorsAreToldAboutAnotherMembersBalanceOrQuestion() {
        List<DomainEvent> events = List.of(MessageFindingsTest.logged(LoggedBy.GIVER), MessageFindingsTest.reminder(),
                MessageFindingsTest.validated(), MessageFindingsTest.expired(), MessageFindingsTest.disputed("ali"),
                MessageFindingsTest.resolved(), MessageFindingsTest.rejected(),
                new SoftLimitCrossed(UUID.randomUUID(), Instant.now(), "tb-1", "ali", -540, -540, -600, "LOW"),
                new MatchAgreed(UUID.randomUUID(), Instant.now(), "tb-1", "m-1", "sam", "ali", "o", "n", 60, "Tea"));
        int checked = 0;
        for (DomainEvent event : events) {
            for (Notice notice : Notices.from(event, List.of("coordinator-1"))) {
                checked++;
                if (FOR_COORDINATORS.contains(notice.kind())) {
                    assertThat(notice.recipientId()).as(notice.kind().name()).isEqualTo("coordinator-1");
                } else {
                    assertThat(notice.recipientId()).as(notice.kind().name()).isIn("sam", "ali");
                    // a member's notice carries no figure about anyone's balance
                    assertThat(notice.params()).as(notice.kind().name()).doesNotContainKeys(Notices.BALANCE);
                }
            }
        }
        System.out.println("Disclosure: " + checked + " notices from " + events.size() + " events checked for who is told");
    }

    @Test
    void aMembersTextThatNamesAnotherPersonSaysNothingOfTheirBalanceNeedsKindOrStatus() {
        int checked = 0;
        for (String file : List.of("i18n/messages.properties", "i18n/messages_fr.properties")) {
            Properties bundle = NotificationWordsTest.bundle(file);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                boolean namesAnother = text.contains("{0}") || text.contains("{7}");
                if (!key.startsWith("kind.") || !namesAnother || forCoordinators(key)) {
                    continue;
                }
                checked++;
                assertThat(PRIVATE.matcher(text.replace("{0}", "").replace("{7}", "")).find())
                        .as(file + " " + key + ": " + text).isFalse();
            }
        }
        System.out.println("Disclosure: " + checked + " member texts that name another person checked");
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void noRefusalNamesAMemberOrTheirFacts() {
        for (NotificationRefusal refusal : NotificationRefusal.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                String template = Wording.template(refusal, locale);
                assertThat(template).as(refusal.code()).doesNotContain("{memberId}").doesNotContain("{accountId}")
                        .doesNotContainIgnoringCase("balance").doesNotContainIgnoringCase("solde");
            }
        }
    }

    private static boolean forCoordinators(String key) {
        return FOR_COORDINATORS.stream().anyMatch(kind -> key.startsWith("kind." + kind.name() + "."));
    }
}
