package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.reciprocity.platform.demo.DemoTimebank;
import org.reciprocity.platform.demo.PortalVisitor;

/**
 * The demo switch (RECIPROCITY_DEMO=true) on the whole platform, as the run command starts it on
 * free ports: the demo timebank is loaded through the services' APIs, a newcomer signing in through
 * the portal with a printed sign-in sees a living timebank, and a second start with the data there
 * writes nothing.
 */
@Order(1)
class DemoTimebankIT {

    @Test
    void theDemoSwitchLoadsALivingTimebankOnceAndItsMembersSignInThroughThePortal() throws Exception {
        System.setProperty("reciprocity.demo", "true");
        try {
            // the switch is read by the launcher's main only (LocalPlatform.main): a platform already
            // started, shared with LocalPlatformIT, is what the switch would have started
            LocalPlatform platform = SharedPlatform.get();
            PlatformConfig config = platform.config();
            platform.prepareFirstRun();
            assertThat(LocalPlatform.demoAsked()).isTrue();

            DemoTimebank.Loaded first = platform.loadDemo().orElseThrow();

            assertThat(first.wroteNow()).isTrue();
            assertThat(first.signIns()).hasSize(7);
            assertThat(LocalPlatform.demoLines(config.portalUrl(), first.signIns()))
                    .anyMatch(line -> line.contains(DemoTimebank.PASSWORD))
                    .anyMatch(line -> line.contains("sam@demo.example"))
                    .anyMatch(line -> line.contains("chris@demo.example") && line.contains("coordinator"));
            String timebank = config.devTimebank();
            String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
            String matching = platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
            String coordinator = platform.devToken("demo-check", timebank, List.of("COORDINATOR", "STAFF"));
            String sam = first.memberIds().get("sam");
            String samToken = platform.devToken(sam, timebank, List.of("MEMBER"));

            JsonNode accounts = Http.get(ledger + "/accounts", coordinator).json();
            assertThat(accounts.path("sumOfBalances").asLong()).as("balances sum to zero").isZero();
            for (String key : List.of("sam", "priya", "tom", "maria", "elodie", "jo")) {
                assertThat(balanceOf(accounts, first.memberIds().get(key))).as(key + "'s balance").isNotZero();
            }
            assertThat(balanceOf(accounts, "demo-riverside-cafe")).as("the café was paid an hour").isEqualTo(60);
            assertThat(Http.get(ledger + "/members/" + sam + "/statement", samToken).json().size()).as("Sam's statement")
                    .isGreaterThanOrEqualTo(6);
            assertThat(Http.get(ledger + "/members/" + sam + "/pending-validations", samToken).json().size())
                    .as("hours waiting for Sam to confirm").isEqualTo(1);
            assertThat(Http.get(ledger + "/contributions/demo-" + timebank + "-c14", coordinator).text("state")).isEqualTo("DISPUTED");

            JsonNode walks = Http.get(matching + "/listings?q=walk", samToken).json();
            assertThat(walks.path("total").asLong()).as("listings found by words").isGreaterThanOrEqualTo(2);
            assertThat(Http.get(matching + "/listings?kind=OFFER", samToken).json().path("total").asLong()).isEqualTo(6);
            assertThat(Http.get(matching + "/listings?kind=NEED", samToken).json().path("total").asLong()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(statuses(Http.get(matching + "/members/" + sam + "/matches", coordinator).json()))
                            .containsExactlyInAnyOrder("PROPOSED", "COMPLETED"));
            assertThat(statuses(Http.get(matching + "/members/" + first.memberIds().get("priya") + "/matches", coordinator)
                    .json())).containsExactly("AGREED");

            // a newcomer signs in with a printed sign-in, through identity-service's form and the portal's redirects
            PortalVisitor visitor = new PortalVisitor(config.portalUrl());
            PortalVisitor.Page home = visitor.signIn("sam@demo.example", DemoTimebank.PASSWORD);
            assertThat(home.has("balance")).as("Sam's home page shows a balance").isTrue();
            assertThat(home.has("waiting")).isTrue();
            PortalVisitor.Page board = visitor.get("/board?q=walk");
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.body()).contains("Walks and a chat");
            PortalVisitor.Page elodie = new PortalVisitor(config.portalUrl()).signIn("elodie@demo.example", DemoTimebank.PASSWORD);
            assertThat(elodie.body()).contains("lang=\"fr\"");

            // a second start with the data there: nothing is written, and nothing changed
            String accountsBefore = Http.get(ledger + "/accounts", coordinator).body();
            DemoTimebank.Loaded second = platform.loadDemo().orElseThrow();
            assertThat(second.wroteNow()).isFalse();
            assertThat(second.memberIds()).isEqualTo(first.memberIds());
            assertThat(Http.get(ledger + "/accounts", coordinator).body()).isEqualTo(accountsBefore);
            assertThat(Http.get(matching + "/listings?kind=OFFER", samToken).json().path("total").asLong()).isEqualTo(6);
            assertThat(Http.get(matching + "/members/" + sam + "/matches", coordinator).json().size()).isEqualTo(2);
        } finally {
            System.clearProperty("reciprocity.demo");
        }
    }

    private static long balanceOf(JsonNode accounts, String id) {
        for (JsonNode account : accounts.path("accounts")) {
            if (account.path("id").asText().equals(id)) {
                return account.path("balance").asLong();
            }
        }
        throw new AssertionError("no account " + id + " in " + accounts);
    }

    private static List<String> statuses(JsonNode matches) {
        List<String> statuses = new ArrayList<>();
        matches.forEach(m -> statuses.add(m.path("status").asText()));
        return statuses;
    }
}
