package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Time given and received is time spent together: only transfers of validated contributions
 * count, through the real broker. A redemption and a gift move balances, not these figures; a
 * reversal takes back only what it reverses. (Issue 13: a member who redeemed 30 minutes showed
 * 165 received against 135 from contributions; one who gave a 15-minute gift showed "received 15 min".)
 */
@ServiceIntegrationTest
class TimeGivenAndReceivedIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String cafe = "org-" + UUID.randomUUID();
    final String pot = "pot-" + timebank;
    ApiClient api;
    String sam;
    String ali;
    String jo;
    long sequence;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        jo = register("Jo");
        await().atMost(WAIT).until(() -> List.of(sam, ali, jo).stream()
                .allMatch(m -> api.get(profile(m), coordinator()).status() == 200));
    }

    @Test
    void aRedemptionAndAGiftAreNotTimeGivenOrReceivedAndSuggestionReasonsUseTheContributionsOnly() {
        // first what must not count, then the contributions: the figures are right only once all arrived
        transfer(TransferReason.REDEMPTION, sam, cafe, 30, null);  // Sam spends 30 min at the café
        transfer(TransferReason.GIFT, jo, pot, 15, null);          // Jo gives 15 min to the community pot
        transfer(TransferReason.GIFT, ali, sam, 20, null);         // Ali gives Sam 20 min
        transfer(TransferReason.CONTRIBUTION, ali, sam, 90, null); // Sam gives Ali 1 h 30
        transfer(TransferReason.CONTRIBUTION, sam, ali, 60, null); // Ali gives Sam 1 h
        transfer(TransferReason.CONTRIBUTION, sam, ali, 75, null); // and 1 h 15 more

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(figures(sam)).as("Sam: given, received").containsExactly(90L, 135L);
            assertThat(figures(ali)).as("Ali: given, received").containsExactly(135L, 90L);
            assertThat(figures(jo)).as("Jo gave a gift: no time given or received").containsExactly(0L, 0L);
        });

        // Sam offers walks; Ali needs one: a coordinator sees Sam's figures in the reasons
        describe(sam);
        describe(ali);
        String offer = publish(sam, "OFFER", "Walks in the park");
        String need = publish(ali, "NEED", "A walk on Tuesdays");
        ApiClient.Response suggestions = api.get(base() + "/listings/" + need + "/suggestions", coordinator());
        assertThat(suggestions.status()).as(suggestions.body()).isEqualTo(200);
        JsonNode forSam = suggestions.json().valueStream().filter(s -> offer.equals(s.path("listingId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("Sam's offer is not suggested: " + suggestions.body()));
        JsonNode giveBack = forSam.path("why").valueStream()
                .filter(why -> "chance-to-give-back".equals(why.path("code").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no chance-to-give-back: " + forSam));
        assertThat(giveBack.path("params").path("received").asLong()).isEqualTo(135);
        assertThat(giveBack.path("params").path("given").asLong()).isEqualTo(90);
    }

    @Test
    void aReversalTakesBackWhatItsTransferCountedAndNothingForAReversedGiftOrRedemption() {
        String given = transfer(TransferReason.CONTRIBUTION, ali, sam, 90, null);
        String gift = transfer(TransferReason.GIFT, ali, sam, 20, null);
        String redemption = transfer(TransferReason.REDEMPTION, sam, cafe, 30, null);
        transfer(TransferReason.REVERSAL, cafe, sam, 30, redemption);
        transfer(TransferReason.REVERSAL, sam, ali, 20, gift);
        transfer(TransferReason.CONTRIBUTION, sam, ali, 45, null);
        transfer(TransferReason.REVERSAL, sam, ali, 90, given);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(figures(sam)).as("Sam: the 1 h 30 he gave was reversed; he received 45 min").containsExactly(0L, 45L);
            assertThat(figures(ali)).containsExactly(45L, 0L);
        });
    }

    /** A transfer as the ledger posts it: the debit account pays, the credit account is paid. */
    private String transfer(TransferReason reason, String debit, String credit, long minutes, String reverses) {
        String id = "t-" + UUID.randomUUID();
        sequence++;
        TopicProbe.send(bootstrap, new TransferPosted(UUID.randomUUID(), Instant.now(), timebank, id, debit, credit,
                minutes, reason, 0, 0, reason == TransferReason.CONTRIBUTION ? "c-" + UUID.randomUUID() : null, reverses,
                sequence, "hash-" + sequence));
        return id;
    }

    private List<Long> figures(String member) {
        JsonNode p = api.get(profile(member), coordinator()).json();
        return List.of(p.path("givenMinutes").asLong(), p.path("receivedMinutes").asLong());
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.SERVICE_USER, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private void describe(String member) {
        ApiClient.Response response = api.put(profile(member), token(member), Map.of("district", "M14",
                "languages", List.of("en"), "availability", List.of("TUESDAY_AFTERNOON"), "skills", List.of(),
                "modes", List.of("IN_PERSON"), "sharedWithMembers", List.of()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String publish(String owner, String kind, String title) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), Map.of("kind", kind, "title", title,
                "category", "befriending", "tags", List.of("walking"), "estimatedMinutes", 60, "mode", "IN_PERSON",
                "district", "M14", "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String profile(String member) {
        return base() + "/profiles/" + member;
    }

    private String coordinator() {
        return token("coordinator-1", "COORDINATOR");
    }

    private String token(String member, String... roles) {
        return SharedInfrastructure.get().tokens().token(member, timebank, roles.length == 0 ? new String[] {"MEMBER"} : roles);
    }
}
