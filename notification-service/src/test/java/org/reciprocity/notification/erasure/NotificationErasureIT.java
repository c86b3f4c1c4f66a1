package org.reciprocity.notification.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.notification.NotificationServiceIT;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18: notification-service forgets an erased member, through the real broker and store. A member
 * with a unique name and e-mail gets messages, and is named in others' (a thank-you, a coordinator's
 * dispute), has figures, preferences, a consent, a look at their details and a timebank contact naming
 * them; once {@code MemberErased} is heard, no document in any collection of the service's database holds
 * their name or e-mail, and the service confirms once, however often the event comes and wherever a
 * crash stopped an earlier try.
 */
class NotificationErasureIT extends NotificationServiceIT {

    @Autowired
    NotificationErasure erasure;

    @Autowired
    PersonalData personalData;

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String unique = UUID.randomUUID().toString().substring(0, 8);
    final MemberRegistered sam = member("Samwise" + unique, "samwise." + unique + "@example.org");
    final MemberRegistered ali = member("Ali", "ali." + unique + "@example.org");
    final MemberRegistered cleo = member("Cleo", "cleo." + unique + "@example.org", "MEMBER", "COORDINATOR");
    final String note = "Thank you so much " + sam.displayName();

    @Test
    void anErasedMemberIsInNoDocumentAnyMoreAndTheErasureIsConfirmedOnce() {
        haveMessagesToAndAbout(sam);
        Map<String, List<Document>> before = personalData.find(timebank, sam.memberId());
        assertThat(before).containsKeys("recipients", "inbox_items", "deliveries", "monthly_activity", "preferences",
                "email_consents", "sensitive_reads", "timebank_contacts", "inbox_requests");
        assertThat(everyDocumentNaming(sam.displayName())).isNotEmpty();
        String exportPath = "/api/v1/timebanks/" + timebank + "/members/" + sam.memberId() + "/personal-data";
        ApiClient.Response export = api.get(exportPath, token(sam.memberId(), timebank, "MEMBER"));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.text("service")).isEqualTo("notification-service");
        assertThat(export.json().path("collections").propertyNames()).as("the same documents the erasure finds")
                .containsExactlyInAnyOrderElementsOf(personalData.find(timebank, sam.memberId()).keySet());
        assertThat(export.json().path("collections").path("recipients").path(0).path("email").asString())
                .isEqualTo(sam.email());
        assertThat(api.get(exportPath, token(ali.memberId(), timebank, "MEMBER")).status()).isEqualTo(403);
        assertThat(api.get(exportPath, token("admin-1", timebank, "ADMIN")).status()).isEqualTo(200);

        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam.memberId(), "admin-1");
        send(erased);
        send(erased); // delivered twice

        List<String> confirmations = confirmationsOf(sam.memberId());
        assertThat(confirmations).as("ErasureConfirmed from notification-service").hasSize(1);
        assertThat(everyDocumentNaming(sam.displayName())).isEmpty();
        assertThat(everyDocumentNaming(sam.email())).isEmpty();
        assertThat(everyDocumentNaming(note)).as("the thank-you note was never copied").isEmpty();
        assertThat(personalData.find(timebank, sam.memberId()).keySet())
                .as("what is left: ids only (the recipient marker, the queue's ids and minutes, the confirmation)")
                .doesNotContain("inbox_items", "deliveries", "monthly_activity", "preferences", "email_consents",
                        "sensitive_reads", "timebank_contacts", "inbox_requests", "timebanks");
        JsonNode toCleo = inboxItem(cleo, "DISPUTE_TO_REVIEW");
        assertThat(toCleo.toString()).contains("A former member").doesNotContain(sam.displayName());
        assertThat(inboxItem(ali, "THANK_YOU").toString()).contains("A former member");
    }

    @Test
    void aCrashBetweenStepsEndsConfirmedOnce() {
        haveMessagesToAndAbout(sam);
        List<NotificationErasure.Step> steps = erasure.steps(timebank, sam.memberId());
        steps.subList(0, steps.size() / 2).forEach(step -> step.action().run()); // then the service stopped
        assertThat(mongo.getCollection("erasures").find(new Document("_id", timebank + "/" + sam.memberId())).first())
                .as("not confirmed before every step is done").isNull();

        send(new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam.memberId(), "admin-1"));
        send(new MemberErased(UUID.randomUUID(), Instant.now(), timebank, sam.memberId(), "admin-1"));

        assertThat(confirmationsOf(sam.memberId())).hasSize(1);
        assertThat(everyDocumentNaming(sam.displayName())).isEmpty();
        assertThat(everyDocumentNaming(sam.email())).isEmpty();
    }

    @Test
    void anErasedDetailsRecordForgetsTheContactDataAtOnce() {
        known(opened(), sam);
        setContactNaming(sam);

        send(MemberDetailsRecorded.ofErased(UUID.randomUUID(), Instant.now(), timebank, sam.memberId(), 9));

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(recipient(sam).get("erased")));
        assertThat(everyDocumentNaming(sam.displayName())).isEmpty();
        assertThat(everyDocumentNaming(sam.email())).isEmpty();
        send(Members.detailsOf(sam, 2)); // an older record heard late brings nothing back
        send(Members.detailsOf(sam, 10)); // nor a newer one
        heardOnTheDetailsTopic(sam.memberId());
        assertThat(recipient(sam).toJson()).doesNotContain(sam.displayName()).doesNotContain(sam.email());
        assertThat(recipient(sam).get("erased")).isEqualTo(true);
    }

    @Test
    void aThankYouNoLongerQuotesTheNote() {
        known(opened(), sam, ali);
        ContributionLogged logged = logged(ali, sam, "Walk and talk with " + unique);
        send(logged);
        send(new ContributionValidated(UUID.randomUUID(), Instant.now(), timebank, logged.contributionId(),
                sam.memberId(), ali.memberId(), sam.memberId(), 90, note, null, "t-" + UUID.randomUUID()));

        JsonNode thanks = inboxItem(ali, "THANK_YOU");
        assertThat(thanks.path("title").asString()).isEqualTo(sam.displayName() + " thanked you for your time");
        assertThat(thanks.toString()).contains("you can read it on the page about this time")
                .doesNotContain(note).doesNotContain("Walk and talk");
        assertThat(everyDocumentNaming("Walk and talk with " + unique)).isEmpty();
        assertThat(everyDocumentNaming(note)).isEmpty();
    }

    /**
     * Messages to the member (a request to confirm, by e-mail too) and about them (a thank-you to Ali, a
     * dispute to the coordinator), figures, preferences, a consent, a coordinator's look, a contact.
     */
    private void haveMessagesToAndAbout(MemberRegistered member) {
        known(opened(), member, ali, cleo);
        setContactNaming(member);
        ContributionLogged toConfirm = logged(ali, member, "Shopping with " + member.displayName());
        send(toConfirm);
        ContributionLogged given = logged(ali, member, "Garden");
        send(given);
        // the member confirms and thanks Ali: Ali's thank-you names the member
        send(new ContributionValidated(UUID.randomUUID(), Instant.now(), timebank, given.contributionId(),
                member.memberId(), ali.memberId(), member.memberId(), 90, note, null, "t-" + UUID.randomUUID()));
        ContributionLogged questioned = logged(ali, member, null);
        send(questioned);
        send(new ContributionDisputed(UUID.randomUUID(), Instant.now(), timebank, questioned.contributionId(),
                member.memberId(), ali.memberId(), member.memberId(), "Said by " + member.displayName()));
        send(new TransferPosted(UUID.randomUUID(), Instant.now(), timebank, "tr-" + unique, member.memberId(),
                ali.memberId(), 90, TransferReason.CONTRIBUTION, -90, 90, given.contributionId(), null, 1, "h-1"));
        send(new ConsentGiven(UUID.randomUUID(), Instant.now(), timebank, member.memberId(), Consent.EMAIL_ME,
                ConsentHow.PAGE, member.memberId(), 1));
        assertThat(api.get("/api/v1/timebanks/" + timebank + "/preferences", token(member.memberId(), timebank, "MEMBER"))
                .status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/timebanks/" + timebank + "/recipients/" + member.memberId(),
                token(cleo.memberId(), timebank, "COORDINATOR"), Map.of("Reciprocity-Read-Reason", "SAFEGUARDING"), null)
                .status()).isEqualTo(200);

        inboxItem(member, "PLEASE_CONFIRM");
        inboxItem(ali, "THANK_YOU");
        inboxItem(cleo, "DISPUTE_TO_REVIEW");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("deliveries")
                .countDocuments(new Document("recipientId", member.memberId()).append("status", "SENT")) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("monthly_activity")
                .countDocuments(new Document("memberId", member.memberId())) > 0
                && mongo.getCollection("email_consents").countDocuments(new Document("_id", member.memberId())) > 0);
    }

    private void setContactNaming(MemberRegistered member) {
        ApiClient.Response set = put("/api/v1/timebanks/" + timebank + "/contact", token("admin-1", timebank, "ADMIN"),
                Map.of("coordinatorsName", member.displayName(), "coordinatorsEmail", member.email(),
                        "coordinatorsPhone", "0161 496 0000", "supportWords", "Samaritans, free, day or night",
                        "supportPhone", "116 123"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /**
     * The notification-service confirmations of the member's erasure on the topic. The erasure of a
     * member whose records share the member's partition (on the members topic and on the confirmations
     * topic alike) is asked last and waited for: every event sent before it is then handled, and every
     * confirmation of the member published before its own.
     */
    private List<String> confirmationsOf(String memberId) {
        String probe;
        do {
            probe = UUID.randomUUID().toString();
        } while (partition(probe) != partition(memberId));
        String last = probe;
        send(new MemberErased(UUID.randomUUID(), Instant.now(), timebank, last, "admin-1"));
        List<ConsumerRecord<String, byte[]>> read = TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMATIONS_TOPIC,
                r -> last.equals(r.key()), Duration.ofSeconds(60));
        assertThat(read).as("the last erasure was confirmed").anyMatch(r -> last.equals(r.key()));
        List<String> confirmations = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : read) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (memberId.equals(record.key()) && value.contains(Topics.NOTIFICATION)) {
                confirmations.add(value);
            }
        }
        return confirmations;
    }

    /** Once another member's details on the member's partition are applied, so is every record sent before. */
    private void heardOnTheDetailsTopic(String memberId) {
        String probe;
        do {
            probe = UUID.randomUUID().toString();
        } while (partition(probe) != partition(memberId));
        MemberRegistered other = new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, probe,
                MemberKind.NEIGHBOUR, "Probe", null, "en", null, "coordinator-1");
        send(Members.detailsOf(other, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> recipient(other).get("displayName") != null);
    }

    /** Kafka's default partitioner over 6 partitions (the members and the confirmations topics have 6). */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
    }

    /** Every document of every collection of the service's database whose JSON text holds {@code text}. */
    private List<String> everyDocumentNaming(String text) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                String json = document.toJson();
                if (json.contains(text)) {
                    found.add(collection + ": " + json);
                }
            }
        }
        return found;
    }

    private JsonNode inboxItem(MemberRegistered member, String kind) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> items = inboxItems(timebank, member.memberId(), kind);
            found[0] = items.isEmpty() ? null : items.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private Document recipient(MemberRegistered member) {
        Document found = mongo.getCollection("recipients").find(new Document("_id", member.memberId())).first();
        return found == null ? new Document() : found;
    }

    private TimebankOpened opened() {
        return new TimebankOpened(UUID.randomUUID(), Instant.now(), timebank, "Riverside", "Europe/London", "admin-1");
    }

    private ContributionLogged logged(MemberRegistered giver, MemberRegistered receiver, String description) {
        return new ContributionLogged(UUID.randomUUID(), Instant.now(), timebank, "c-" + UUID.randomUUID(),
                giver.memberId(), receiver.memberId(), LoggedBy.GIVER, giver.memberId(), null, receiver.memberId(), 90,
                LocalDate.parse("2026-11-24"), CoproductionKind.PEER_SUPPORT, description, null, null,
                Instant.now().plus(Duration.ofDays(7)));
    }

    private MemberRegistered member(String name, String email, String... roles) {
        return new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, UUID.randomUUID().toString(),
                MemberKind.SERVICE_USER, name, email, "en", roles.length == 0 ? null : List.of(roles), "coordinator-1");
    }

    private void send(DomainEvent event) {
        TopicProbe.send(bootstrap, event);
    }

    /** The member's details record, as the ledger publishes it (kept here: the test helpers' Members is package-private). */
    static final class Members {
        static MemberDetailsRecorded detailsOf(MemberRegistered m, long version) {
            return new MemberDetailsRecorded(UUID.randomUUID(), Instant.now(), m.timebankId(), m.memberId(), version,
                    m.displayName(), m.email(), m.language(), m.roles(),
                    List.of(new MemberDetailsRecorded.KindSince(m.kind(), m.occurredAt())), false);
        }
    }
}
