package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Matching and the ledger together, across processes: a need and an offer are published, a
 * coordinator proposes, both members accept, {@code MatchAgreed} reaches the ledger (the two
 * members can now log against the match), the giver logs, the receiver validates, and the
 * ledger's {@code ContributionValidated} completes the match in matching.
 */
final class MatchToLedgerFlow {

    private MatchToLedgerFlow() {
    }

    static void run(LocalPlatform platform, String timebank) {
        String coordinator = platform.devToken("coordinator-1", timebank, List.of("COORDINATOR", "ADMIN"));
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
        String matching = platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
        String sam = register(ledger, coordinator, "Sam");
        String ali = register(ledger, coordinator, "Ali");
        String samToken = platform.devToken(sam, timebank, List.of("MEMBER"));
        String aliToken = platform.devToken(ali, timebank, List.of("MEMBER"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(matching + "/profiles/" + ali, aliToken).status() == 200
                && Http.get(matching + "/profiles/" + sam, samToken).status() == 200);

        String offer = publish(matching, aliToken, "OFFER", "Walks and a chat");
        String need = publish(matching, samToken, "NEED", "Someone to walk with");
        Http.Answer proposed = Http.post(matching + "/matches", coordinator,
                "{\"needListingId\":\"" + need + "\",\"offerListingId\":\"" + offer + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String match = proposed.text("id");
        Http.post(matching + "/matches/" + match + "/accept", aliToken, "{}");
        assertThat(Http.post(matching + "/matches/" + match + "/accept", samToken, "{}").text("status")).isEqualTo("AGREED");

        String log = "{\"id\":\"for-" + match + "\",\"side\":\"GIVER\",\"giverId\":\"" + ali + "\",\"receiverId\":\"" + sam
                + "\",\"minutes\":60,\"happenedOn\":\"" + LocalDate.now(ZoneId.of("Europe/London"))
                + "\",\"kind\":\"PEER_SUPPORT\",\"matchId\":\"" + match + "\"}";
        // the ledger learns of the agreement through Kafka; until then it refuses to name the match
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.post(ledger + "/contributions", aliToken, log).status() == 201);
        Http.Answer validated = Http.post(ledger + "/contributions/for-" + match + "/validation", samToken,
                "{\"note\":\"Thank you, Ali\"}");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(Http.get(matching + "/matches/" + match, samToken).text("status")).isEqualTo("COMPLETED"));
    }

    private static String register(String ledger, String coordinator, String name) {
        Http.Answer r = Http.post(ledger + "/members", coordinator, "{\"kind\":\"NEIGHBOUR\",\"displayName\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private static String publish(String matching, String token, String kind, String title) {
        Http.Answer r = Http.post(matching + "/listings", token, "{\"kind\":\"" + kind + "\",\"title\":\"" + title
                + "\",\"category\":\"befriending\",\"tags\":[\"walking\"],\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\","
                + "\"district\":\"M14\",\"expiresAt\":\"" + Instant.now().plusSeconds(30 * 86_400) + "\",\"requiresVerified\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }
}
