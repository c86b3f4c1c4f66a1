package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.invitation.MemberInvited;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class InvitationIT extends IdentityServiceIT {

    private static final Pattern WELCOME = Pattern.compile(Pattern.quote(ISSUER) + "/welcome/([A-Za-z0-9_-]{43})");

    @Autowired
    MongoTemplate mongo;

    @Test
    void anInvitationIsPublishedForNotificationServiceWithTheWelcomeLinkAndItsExpiryAndIdentitySendsNoEmail() {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "ines-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        Instant before = Instant.now();

        HttpResponse<String> invited = api(browser(), "POST", "/api/v1/timebanks/" + timebank + "/invitations",
                localToken("coord", timebank, "COORDINATOR"),
                "{\"memberId\":\"ines\",\"email\":\"" + email + "\",\"language\":\"fr\"}");
        assertThat(invited.statusCode()).isEqualTo(201);

        ConsumerRecord<String, byte[]> record = invitationTo(email);
        assertThat(record.key()).isEqualTo("ines");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("reciprocity.MemberInvited.v1");
        MemberInvited event = read(record);
        assertThat(event.timebankId()).isEqualTo(timebank);
        assertThat(event.memberId()).isEqualTo("ines");
        assertThat(event.language()).isEqualTo("fr");
        assertThat(event.welcomeLink()).matches(WELCOME);
        assertThat(event.linkExpiresAt()).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        // published, so no longer waiting in the account's outbox (where the link was, for a moment)
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection(Accounts.COLLECTION)
                .find(new org.bson.Document("_id", Account.key(timebank, "ines"))).first().getList("outbox", Object.class, List.of()).isEmpty());
        // the e-mail is notification-service's now
        assertThat(TestServers.mailTo(email)).isEmpty();
    }

    @Test
    void anInvitedPersonSetsAPasswordFromTheLinkAndCanSignIn() {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "ines-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        Browser coordinator = browser();

        HttpResponse<String> invited = api(coordinator, "POST", "/api/v1/timebanks/" + timebank + "/invitations",
                localToken("coord", timebank, "COORDINATOR"),
                "{\"memberId\":\"ines\",\"email\":\"" + email + "\",\"language\":\"fr\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(invited.body()).contains("\"memberId\":\"ines\"").contains("\"status\":\"INVITED\"");

        Matcher link = WELCOME.matcher(read(invitationTo(email)).welcomeLink());
        assertThat(link.matches()).isTrue();
        String welcome = "/welcome/" + link.group(1);

        Browser ines = browser();
        HttpResponse<String> tooShort = ines.submit(welcome, welcome, Map.of("method", "password", "password", "short", "confirm-password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("govuk-error-summary");
        HttpResponse<String> setUp = ines.submit(welcome, welcome,
                Map.of("method", "password", "password", "un jardin plein de tomates", "confirm-password", "un jardin plein de tomates"));
        assertThat(Browser.location(setUp)).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");

        // signed in already: the portal's authorisation goes straight to a code
        String tokens = ines.tokensJson("reciprocity-portal", SECRET, AuthorizationCodeFlowIT.REDIRECT);
        assertThat(tokens).contains("access_token");
        assertThat(Browser.location(browser().signIn(email, "un jardin plein de tomates"))).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");
        Account account = accounts.byId(Account.key(timebank, "ines")).orElseThrow();
        assertThat(account.status().name()).isEqualTo("ACTIVE");
        assertThat(account.language()).isEqualTo("fr");

        // the link works once
        HttpResponse<String> again = browser().get(welcome);
        assertThat(again.body()).contains("id=\"link-gone\"");
    }

    @Test
    void aMemberCannotInviteAndACoordinatorCannotGiveRolesOrActInAnotherTimebank() {
        Browser browser = browser();
        String memberToken = localToken("m1", "tb-a", "");
        HttpResponse<String> byMember = api(browser, "POST", "/api/v1/timebanks/tb-a/invitations", memberToken,
                "{\"memberId\":\"x1\",\"email\":\"x1@example.org\",\"language\":\"en\"}");
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(byMember.body()).contains("\"code\":\"not-permitted\"").contains("urn:reciprocity:problem:not-permitted");

        String coordinator = localToken("c1", "tb-a", "COORDINATOR");
        assertThat(api(browser, "POST", "/api/v1/timebanks/tb-a/invitations", coordinator,
                "{\"memberId\":\"x2\",\"email\":\"x2@example.org\",\"language\":\"en\",\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(403);
        assertThat(api(browser, "POST", "/api/v1/timebanks/tb-b/invitations", coordinator,
                "{\"memberId\":\"x3\",\"email\":\"x3@example.org\",\"language\":\"en\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = api(browser, "POST", "/api/v1/timebanks/tb-a/invitations", coordinator,
                "{\"memberId\":\"x4\",\"email\":\"not an e-mail\",\"language\":\"en\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"code\":\"invalid-value\"");
        HttpResponse<String> anonymous = api(browser, "GET", "/api/v1/timebanks/tb-a/accounts/x1", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"not-signed-in\"");
    }

    @Test
    void anAdminGivesRolesAndSuspendsAndTheAccountSaysSo() {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();
        String admin = localToken("boss", member.timebankId(), "ADMIN");
        String path = "/api/v1/timebanks/" + member.timebankId() + "/accounts/" + member.memberId();

        HttpResponse<String> roles = api(browser, "PUT", path + "/roles", admin, "{\"roles\":[\"COORDINATOR\"]}");
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(roles.body()).contains("\"roles\":[\"MEMBER\",\"COORDINATOR\"]");
        assertThat(api(browser, "POST", path + "/suspension", admin, "").body()).contains("\"status\":\"SUSPENDED\"");
        assertThat(api(browser, "POST", path + "/reactivation", admin, "").body()).contains("\"status\":\"ACTIVE\"");
        HttpResponse<String> self = api(browser, "GET", path, localToken(member.memberId(), member.timebankId(), ""), null);
        assertThat(self.body()).contains("\"signInMethods\":[\"PASSWORD\",\"EMAIL_LINK\"]");
        HttpResponse<String> other = api(browser, "GET", path, localToken("someone-else", member.timebankId(), ""), null);
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void aCoordinatorCorrectsTheEmailAPersonSignsInWithButNeverToOneAnotherHas() {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();
        String coordinator = localToken("cora", member.timebankId(), "COORDINATOR");
        String path = "/api/v1/timebanks/" + member.timebankId() + "/accounts/" + member.memberId() + "/email";
        String corrected = "fixed-" + member.email();

        HttpResponse<String> changed = api(browser, "PUT", path, coordinator, "{\"email\":\"" + corrected + "\"}");
        Account another = aMemberWithPassword("another long walk", "MEMBER");
        HttpResponse<String> taken = api(browser, "PUT", "/api/v1/timebanks/" + another.timebankId() + "/accounts/"
                + another.memberId() + "/email", localToken("cora", another.timebankId(), "COORDINATOR"),
                "{\"email\":\"" + corrected + "\"}");
        HttpResponse<String> byAMember = api(browser, "PUT", path, localToken(member.memberId(), member.timebankId(), ""),
                "{\"email\":\"me@example.org\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains(corrected);
        assertThat(accounts.byEmail(corrected)).map(Account::id).contains(member.id());
        assertThat(accounts.byEmail(member.email())).as("the old address no longer signs anyone in").isEmpty();
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(byAMember.statusCode()).isEqualTo(403);
    }

    /** The invitation event for this e-mail, read from the topic as notification-service reads it. */
    static ConsumerRecord<String, byte[]> invitationTo(String email) {
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(),
                Topics.INVITATIONS_TOPIC, r -> new String(r.value(), StandardCharsets.UTF_8).contains(email), Duration.ofSeconds(30));
        assertThat(seen).as("an invitation to " + email + " on " + Topics.INVITATIONS_TOPIC).isNotEmpty();
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(new String(last.value(), StandardCharsets.UTF_8)).contains(email);
        return last;
    }

    static MemberInvited read(ConsumerRecord<String, byte[]> record) {
        return (MemberInvited) new EventDeserializer().deserialize(record.topic(), record.headers(), record.value());
    }

    String localToken(String member, String timebank, String roles) {
        HttpResponse<String> token = browser().postForm("/local/token", Map.of("member", member, "timebank", timebank, "roles", roles));
        assertThat(token.statusCode()).isEqualTo(200);
        return token.body();
    }

    static HttpResponse<String> api(Browser browser, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return browser.send(request.build());
    }
}
