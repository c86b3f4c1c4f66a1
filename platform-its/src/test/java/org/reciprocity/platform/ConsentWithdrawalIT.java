package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A member's consents (issue 18) take effect across the platform: recorded in the ledger, heard by
 * matching through the personal-data topic. Withdrawing a supporter's consent refuses that
 * supporter's very next log for the member; withdrawing "show my accessibility needs to my matches"
 * hides them from the member they are matched with. Each effect is waited for, not timed.
 */
@Order(2)
class ConsentWithdrawalIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void withdrawingAConsentStopsItsEffectInTheLedgerAndInMatching() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        platform.prepareFirstRun(); // the local timebank, opened as the run command opens it
        String timebank = platform.config().devTimebank();
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
        String matching = platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
        String admin = platform.devToken("consent-admin", timebank, List.of("ADMIN", "COORDINATOR"));
        String sam = register(ledger, admin, "Sam");
        String kim = register(ledger, admin, "Kim");
        String ali = register(ledger, admin, "Ali");
        String jo = register(ledger, admin, "Jo");
        String samToken = platform.devToken(sam, timebank, List.of("MEMBER"));
        String kimToken = platform.devToken(kim, timebank, List.of("MEMBER"));
        String aliToken = platform.devToken(ali, timebank, List.of("MEMBER"));
        String joToken = platform.devToken(jo, timebank, List.of("MEMBER"));

        // a supporter logs for Sam while Sam allows it, and is refused the moment Sam withdraws
        assertThat(Http.post(ledger + "/members/" + sam + "/supporters", samToken, "{\"supporterId\":\"" + kim + "\"}")
                .status()).isEqualTo(204);
        consent(ledger, sam, samToken, "SUPPORTER_MAY_LOG", true);
        Http.Answer whileGiven = Http.post(ledger + "/contributions", kimToken, logFor(sam, ali));
        consent(ledger, sam, samToken, "SUPPORTER_MAY_LOG", false);
        Http.Answer afterwards = Http.post(ledger + "/contributions", kimToken, logFor(sam, ali));
        assertThat(whileGiven.status()).as(whileGiven.body()).isEqualTo(201);
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(403);
        assertThat(afterwards.text("code")).isEqualTo("supporter-not-allowed");

        // Sam's accessibility needs: shown to the member matched with Sam while Sam allows it, then hidden
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                List.of(sam, ali, jo).stream().allMatch(m -> Http.get(matching + "/profiles/" + m, samToken).status() == 200));
        Http.Answer described = Http.put(matching + "/profiles/" + sam, samToken,
                "{\"accessibilityNeeds\":[\"step-free\"],\"sharedWithMembers\":[\"accessibilityNeeds\"]}");
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        String offer = publish(matching, aliToken, "OFFER", "Walks and a chat");
        String need = publish(matching, samToken, "NEED", "Someone to walk with");
        Http.Answer proposed = Http.post(matching + "/matches", samToken,
                "{\"needListingId\":\"" + need + "\",\"offerListingId\":\"" + offer + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

        consent(ledger, sam, samToken, "SHOW_ACCESSIBILITY_TO_MATCHES", true);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> seesNeeds(matching, sam, aliToken));
        assertThat(seesNeeds(matching, sam, joToken)).as("Jo is not matched with Sam").isFalse();

        consent(ledger, sam, samToken, "SHOW_ACCESSIBILITY_TO_MATCHES", false);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> !seesNeeds(matching, sam, aliToken));
        assertThat(Http.get(matching + "/profiles/" + sam, samToken).body()).as("Sam still sees their own")
                .contains("step-free");
    }

    private static void consent(String ledger, String member, String token, String consent, boolean given) {
        Http.Answer answer = Http.put(ledger + "/members/" + member + "/consents/" + consent, token, "{\"given\":" + given + "}");
        assertThat(answer.status()).as(consent + ": " + answer.body()).isEqualTo(200);
    }

    private static boolean seesNeeds(String matching, String member, String readerToken) {
        Http.Answer profile = Http.get(matching + "/profiles/" + member, readerToken);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        return profile.body().contains("step-free");
    }

    private static String logFor(String giver, String receiver) {
        return "{\"id\":\"c-" + UUID.randomUUID() + "\",\"side\":\"GIVER\",\"giverId\":\"" + giver + "\",\"receiverId\":\""
                + receiver + "\",\"minutes\":30,\"happenedOn\":\"" + LocalDate.now(ZoneId.of("Europe/London"))
                + "\",\"kind\":\"PEER_SUPPORT\",\"description\":\"A walk and a talk\"}";
    }

    private static String publish(String matching, String token, String kind, String title) {
        Http.Answer published = Http.post(matching + "/listings", token, "{\"kind\":\"" + kind + "\",\"title\":\"" + title
                + "\",\"category\":\"befriending\",\"tags\":[\"walking\"],\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\","
                + "\"district\":\"M14\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.text("id");
    }

    private static String register(String ledger, String admin, String name) {
        Http.Answer registered = Http.post(ledger + "/members", admin, "{\"kind\":\"SERVICE_USER\",\"displayName\":\"" + name
                + " " + UUID.randomUUID().toString().substring(0, 6) + "\",\"email\":\"" + UUID.randomUUID()
                + "@example.org\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
        assertThat(registered.status()).as("registering " + name + ": " + registered.body()).isEqualTo(201);
        return registered.text("id");
    }
}
