package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.erasure.InvitationSweep;
import org.reciprocity.identity.invitation.WelcomeTokens;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18, identity's erasure, through the real broker: a member who signs in with a password, has
 * a passkey, an unused sign-in link and welcome token, and a link to an upstream provider. Their
 * export lists all of it (to them and to an admin, to no one else); then {@code MemberErased} on the
 * members topic: their e-mail is in no collection of identity's database, they can no longer sign
 * in, their export is empty, and identity confirms ({@code ErasureConfirmed}) once, also when the
 * event comes again, with one {@code InvitationWithdrawn} keyed by the member on the compacted
 * invitations topic (replacing their invitation there); the sweep appends one more.
 */
class IdentityErasureIT extends IdentityServiceIT {

    static final String PASSWORD = "a long walk by the sea";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WelcomeTokens welcomeTokens;

    @Autowired
    InvitationSweep invitationSweep;

    @Test
    void anErasedMemberCanNoLongerSignInAndTheirEmailIsInNoCollection() {
        Account member = aMemberWithPassword(PASSWORD);
        String email = member.email();
        String handle = "handle-" + UUID.randomUUID();
        accounts.setPasskeyUserId(member.id(), handle);
        // as the passkey, sign-in link and upstream stores keep them
        mongo.getCollection("passkey_handles").insertOne(new Document("_id", handle).append("name", member.id())
                .append("displayName", email).append("credentials", List.of("cred-" + handle)));
        mongo.getCollection("passkey_users").insertOne(new Document("_id", member.id()).append("handle", handle)
                .append("displayName", email));
        mongo.getCollection("passkey_credentials").insertOne(new Document("_id", "cred-" + handle)
                .append("userId", handle).append("label", "phone of " + email));
        mongo.getCollection("sign_in_links").insertOne(new Document("_id", "hash-" + UUID.randomUUID())
                .append("username", email.toUpperCase()).append("expiresAt", Date.from(Instant.now().plusSeconds(600))));
        welcomeTokens.issue(member.id());
        mongo.getCollection("upstream_links").insertOne(new Document("_id", "https://upstream.example|" + email)
                .append("issuer", "https://upstream.example").append("subject", email).append("accountId", member.id()));
        assertThat(Browser.location(browser().signIn(email, PASSWORD))).doesNotContain("error");

        // the export: the member and an admin see every document; a coordinator does not
        String export = "/api/v1/timebanks/" + member.timebankId() + "/members/" + member.memberId() + "/personal-data";
        HttpResponse<String> own = get(export, token(member.memberId(), member.timebankId(), "MEMBER"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).startsWith("{\"service\":\"identity-service\",\"collections\":{")
                .contains("\"account_emails\":[{", "\"passkey_credentials\":[{", "\"sign_in_links\":[{",
                        "\"welcome_tokens\":[{", "\"upstream_links\":[{", "\"passkey_users\":[{", "\"passkey_handles\":[{")
                .contains(email).doesNotContain(member.passwordHash());
        assertThat(get(export, token("ada", member.timebankId(), "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(get(export, token("cory", member.timebankId(), "COORDINATOR")).statusCode()).isEqualTo(403);
        assertThat(get(export, token(member.memberId(), "tb-other", "MEMBER")).statusCode()).isEqualTo(403);

        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), member.timebankId(), member.memberId(),
                "ada");
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        TopicProbe.send(bootstrap, erased);
        var confirmations = TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMATIONS_TOPIC,
                r -> confirms(r.value(), member), Duration.ofSeconds(60));
        assertThat(confirmations).anyMatch(r -> confirms(r.value(), member));

        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson().toLowerCase()).as("a document of %s", collection)
                        .doesNotContain(email.toLowerCase());
            }
        }
        assertThat(accounts.byId(member.id())).isEmpty();
        assertThat(Browser.location(browser().signIn(email, PASSWORD))).contains("/login?error");
        assertThat(get(export, token(member.memberId(), member.timebankId(), "MEMBER")).body())
                .doesNotContain(email).contains("\"accounts\":[]");

        // delivered again, and erased again by a second event: confirmed once
        TopicProbe.send(bootstrap, erased);
        MemberErased again = new MemberErased(UUID.randomUUID(), Instant.now(), member.timebankId(), member.memberId(),
                "ada");
        TopicProbe.send(bootstrap, again);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .find(new Document("_id", "identity.erasure:" + again.eventId())).first() != null);
        assertThat(mongo.getCollection(ErasureConfirmations.COLLECTION).countDocuments(
                new Document("memberId", member.memberId()).append("timebankId", member.timebankId()))).isEqualTo(1);
        // its confirmation left the outbox for the topic
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(ErasureConfirmations.COLLECTION)
                .find(new Document("memberId", member.memberId()).append("timebankId", member.timebankId())).first()
                .getList("outbox", Object.class, List.of()).isEmpty());

        // the invitation withdrawn with the confirmation, once; published from the same outbox, so already sent
        Instant beforeSweep = Instant.now();
        assertThat(invitationSweep.sweep()).isGreaterThanOrEqualTo(1);
        var invitations = TopicProbe.readUntil(bootstrap, Topics.INVITATIONS_TOPIC,
                r -> withdraws(r, member) && r.timestamp() >= beforeSweep.toEpochMilli(), Duration.ofSeconds(60));
        var withdrawals = invitations.stream().filter(r -> withdraws(r, member)).toList();
        assertThat(withdrawals).as("the confirmation's withdrawal, then the sweep's").hasSize(2)
                .allMatch(r -> member.memberId().equals(r.key()))
                .allMatch(r -> !new String(r.value(), StandardCharsets.UTF_8).contains("@"));
        assertThat(withdrawals.get(0).timestamp()).isLessThan(beforeSweep.toEpochMilli());
    }

    private static boolean withdraws(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
                                     Account member) {
        return "reciprocity.InvitationWithdrawn.v1".equals(CloudEventHeaders.get(record.headers(), "ce_type"))
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"" + member.memberId() + "\"");
    }

    private static boolean confirms(byte[] value, Account member) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.contains(member.timebankId()) && text.contains("\"" + member.memberId() + "\"")
                && text.contains("identity-service");
    }

    private String token(String member, String timebank, String roles) {
        HttpResponse<String> token = browser().postForm("/local/token", Map.of("member", member, "timebank", timebank,
                "roles", roles));
        assertThat(token.statusCode()).isEqualTo(200);
        return token.body();
    }

    private HttpResponse<String> get(String path, String token) {
        Browser browser = browser();
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }
}
