package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The foundation's slice, end to end across processes: an admin opens a timebank on the ledger, a
 * coordinator registers a member, and the member's events reach matching's and notification's
 * own read models through the broker.
 */
final class StepSevenSlice {

    private StepSevenSlice() {
    }

    /** Runs the slice and returns the timebank and member it created. */
    static Created run(LocalPlatform platform) {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = platform.devToken("admin-1", timebank, List.of("ADMIN", "COORDINATOR"));
        String ledger = platform.url("ledger-service");

        Http.Answer opened = Http.post(ledger + "/api/v1/timebanks", admin,
                "{\"id\":\"" + timebank + "\",\"name\":\"Riverside\",\"zoneId\":\"Europe/London\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Http.Answer registered = Http.post(ledger + "/api/v1/timebanks/" + timebank + "/members", admin,
                "{\"kind\":\"SERVICE_USER\",\"displayName\":\"Sam\",\"email\":\"sam@example.org\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String member = registered.text("id");

        Created created = new Created(timebank, member);
        assertReadModelsHave(platform, created);
        return created;
    }

    /** The member is visible in matching's profiles and notification's recipients. */
    static void assertReadModelsHave(LocalPlatform platform, Created created) {
        String admin = platform.devToken("admin-1", created.timebank(), List.of("ADMIN", "COORDINATOR"));
        String profile = platform.url("matching-service") + "/api/v1/timebanks/" + created.timebank() + "/profiles/"
                + created.member();
        String recipient = platform.url("notification-service") + "/api/v1/timebanks/" + created.timebank()
                + "/recipients/" + created.member();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(Http.get(profile, admin).status()).isEqualTo(200);
            assertThat(Http.get(recipient, admin).status()).isEqualTo(200);
        });
        assertThat(Http.get(profile, admin).text("displayName")).isEqualTo("Sam");
        assertThat(Http.get(recipient, admin).text("email")).isEqualTo("sam@example.org");
        assertThat(Http.get(platform.url("ledger-service") + "/api/v1/timebanks/" + created.timebank() + "/members/"
                + created.member(), admin).status()).isEqualTo(200);
    }

    record Created(String timebank, String member) {
    }
}
