package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCancelled;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * The messages each side of a match gets, word for word, through the real broker, from the events
 * matching publishes: the member who proposed (and so said yes) is not asked to say yes; nobody is
 * told "if you say yes too" after saying yes. No message quotes the activity (issue 18: a listing's title
 * stays with matching; the match's page shows it), even from an event that still carries it.
 */
class MatchMessagesIT extends NotificationServiceIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String WALK = "A walk on Tuesdays";

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");
    final MemberRegistered noor = scenario.member("Noor", "fr");
    final String match = "m-" + UUID.randomUUID();
    final Instant answerBy = Instant.parse("2026-12-09T09:30:00Z");

    @Test
    void aMemberWhoAsksForHelpIsNotAskedToSayYesAndTheHelperIsAskedOnce() {
        known(scenario.opened("Europe/London"), sam, ali);
        // Sam (who needs a walk) answers Ali's offer: the proposal carries Sam's yes
        TopicProbe.send(bootstrap, proposed(ali, sam, sam, "MEMBER"));
        TopicProbe.send(bootstrap, accepted(sam, ali, sam, sam, false));
        await().atMost(WAIT).until(() -> items(ali).size() == 1);

        // Ali says yes: the second yes, and the match is agreed
        TopicProbe.send(bootstrap, accepted(ali, ali, sam, sam, true));
        TopicProbe.send(bootstrap, agreed(ali, sam));
        await().atMost(WAIT).until(() -> items(ali).size() == 2 && items(sam).size() == 1);

        assertThat(messages(sam)).containsExactly(
                "MATCH_AGREED | You and Ali are matched | You both said yes. You can now choose"
                        + " a time with Ali. Afterwards, one of you writes down the time, and the other confirms it.");
        assertThat(messages(ali)).containsExactly(
                "MATCH_AGREED | You and Sam are matched | You both said yes. You can now choose"
                        + " a time with Sam. Afterwards, one of you writes down the time, and the other confirms it.",
                "MATCH_PROPOSED | Sam would like your help | Sam would like your help. Please"
                        + " say yes or no before Wednesday 9 December at 09:30. It is fine to say no.");
    }

    @Test
    void aMemberWhoOffersHelpIsNotAskedToSayYesAndThePersonHelpedHearsItInTheirLanguage() {
        known(scenario.opened("Europe/Paris"), noor, ali);
        // Ali offers to help with Noor's need
        TopicProbe.send(bootstrap, proposed(ali, noor, ali, "MEMBER"));
        TopicProbe.send(bootstrap, accepted(ali, ali, noor, ali, false));
        await().atMost(WAIT).until(() -> items(noor).size() == 1);

        assertThat(messages(noor)).containsExactly(
                "MATCH_PROPOSED | Ali aimerait vous aider | Ali aimerait vous aider. Merci"
                        + " de dire oui ou non avant le mercredi 9 décembre à 10h30. Vous pouvez dire non, sans souci.");
        assertThat(items(ali)).as("Ali proposed: nothing to tell Ali yet").isEmpty();
    }

    @Test
    void aMatchACoordinatorProposesAsksBothAndTellsTheSecondOfTheFirstYes() {
        known(scenario.opened("Europe/London"), sam, ali);
        TopicProbe.send(bootstrap, proposed(ali, sam, "coordinator-1", "COORDINATOR"));
        TopicProbe.send(bootstrap, accepted(ali, ali, sam, "coordinator-1", false));
        await().atMost(WAIT).until(() -> items(sam).size() == 2 && items(ali).size() == 1);
        TopicProbe.send(bootstrap, accepted(sam, ali, sam, "coordinator-1", true));
        TopicProbe.send(bootstrap, agreed(ali, sam));
        await().atMost(WAIT).until(() -> items(sam).size() == 3 && items(ali).size() == 2);

        assertThat(messages(sam)).containsExactlyInAnyOrder(
                "MATCH_PROPOSED | You and Ali could meet | We think you and Ali could help each other."
                        + " Would you like to meet? Please say yes or no before Wednesday 9 December at 09:30.",
                "MATCH_ACCEPTED | Ali said yes | Ali said yes to meeting you. If you say yes too, you can"
                        + " choose a time together.",
                "MATCH_AGREED | You and Ali are matched | You both said yes. You can now choose"
                        + " a time with Ali. Afterwards, one of you writes down the time, and the other confirms it.");
        assertThat(messages(ali)).containsExactlyInAnyOrder(
                "MATCH_PROPOSED | You and Sam could meet | We think you and Sam could help each other."
                        + " Would you like to meet? Please say yes or no before Wednesday 9 December at 09:30.",
                "MATCH_AGREED | You and Sam are matched | You both said yes. You can now choose"
                        + " a time with Sam. Afterwards, one of you writes down the time, and the other confirms it.");
    }

    /**
     * Session 12: a side who calls the match off, or leaves the timebank (matching then cancels their
     * open matches in their name), leaves the other side told in plain words; once erased, the message
     * names them "A former member".
     */
    @Test
    void theOtherSideIsToldAMatchIsOffAndAMemberWhoLeftIsAFormerMember() {
        known(scenario.opened("Europe/London"), sam, ali);
        TopicProbe.send(bootstrap, new MatchCancelled(UUID.randomUUID(), Instant.now(), scenario.timebank, match,
                sam.memberId(), ali.memberId(), sam.memberId(), null));
        await().atMost(WAIT).until(() -> items(ali).size() == 1);
        String off = " | This match will not go ahead. You can look for someone else to help.";
        assertThat(messages(ali)).containsExactly("MATCH_CANCELLED | Sam can no longer meet you" + off);
        assertThat(items(sam)).as("who called it off is not told").isEmpty();

        TopicProbe.send(bootstrap, new MemberErased(UUID.randomUUID(), Instant.now(), scenario.timebank, sam.memberId(),
                "admin-1"));
        await().atMost(WAIT).until(() -> messages(ali).equals(List.of("MATCH_CANCELLED | A former member can no longer meet you" + off)));
    }

    private MatchProposed proposed(MemberRegistered giver, MemberRegistered receiver, Object by, String via) {
        return new MatchProposed(UUID.randomUUID(), Instant.now(), scenario.timebank, match, giver.memberId(),
                receiver.memberId(), "offer-1", "need-1", id(by), via, 60, 80, answerBy, WALK);
    }

    private MatchAccepted accepted(MemberRegistered by, MemberRegistered giver, MemberRegistered receiver, Object proposer,
            boolean both) {
        return new MatchAccepted(UUID.randomUUID(), Instant.now(), scenario.timebank, match, by.memberId(),
                giver.memberId(), receiver.memberId(), id(proposer), both, WALK);
    }

    private MatchAgreed agreed(MemberRegistered giver, MemberRegistered receiver) {
        return new MatchAgreed(UUID.randomUUID(), Instant.now(), scenario.timebank, match, giver.memberId(),
                receiver.memberId(), "offer-1", "need-1", 60, WALK);
    }

    private static String id(Object member) {
        return member instanceof MemberRegistered m ? m.memberId() : (String) member;
    }

    /** Each message as "KIND | title | paragraphs", newest first; none quotes the activity. */
    private List<String> messages(MemberRegistered member) {
        assertThat(items(member).toString()).doesNotContain(WALK);
        return items(member).stream().map(i -> i.path("kind").asString() + " | " + i.path("title").asString() + " | "
                + String.join(" ", i.path("paragraphs").valueStream().map(JsonNode::asString).toList())).toList();
    }

    private List<JsonNode> items(MemberRegistered member) {
        JsonNode page = api.get("/api/v1/timebanks/" + scenario.timebank + "/inbox",
                token(member.memberId(), scenario.timebank, "MEMBER")).json();
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> !i.path("kind").asString().equals("WELCOME")).toList();
    }
}
