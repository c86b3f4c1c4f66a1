package org.reciprocity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.matching.suggestion.Why;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Over HTTP, a reader who asks for French ({@code Accept-Language: fr}) reads matching's refusals
 * and the reasons of their suggestions in French, and one who asks for nothing reads English; the
 * codes and parameters programs read stay the same in both.
 */
@ServiceIntegrationTest
class MatchingWordsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final HttpClient http = HttpClient.newHttpClient();
    ApiClient api;
    String sam;
    String ali;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        sam = register("Sam");
        ali = register("Ali");
        await().atMost(WAIT).until(() -> api.get(profile(sam), token(sam)).status() == 200
                && api.get(profile(ali), token(ali)).status() == 200);
        describe(sam, Map.of("district", "M14", "languages", List.of("ar", "en"), "availability", List.of("TUESDAY_AFTERNOON")));
        describe(ali, Map.of("district", "M13", "languages", List.of("ar"), "availability", List.of("TUESDAY_AFTERNOON"),
                "sharedWithMembers", List.of("availability")));
    }

    @Test
    void aRefusalIsInFrenchForAReaderWhoAsksForFrench() {
        Map<String, Object> listing = listing("OFFER", "Des promenades", "ZZ99");

        ApiClient.Response french = api.post(base() + "/listings", token(ali), listing, Map.of("Accept-Language", "fr-FR, fr;q=0.9"));
        ApiClient.Response english = api.post(base() + "/listings", token(ali), listing);

        assertThat(french.status()).as(french.body()).isEqualTo(400);
        assertThat(french.code()).isEqualTo("unknown-district").isEqualTo(english.code());
        assertThat(french.text("detail"))
                .isEqualTo(MatchingRefusal.UNKNOWN_DISTRICT.with("value", "ZZ99").words(Locale.FRENCH))
                .contains("«\u00a0ZZ99\u00a0»");
        assertThat(english.text("detail"))
                .isEqualTo(MatchingRefusal.UNKNOWN_DISTRICT.with("value", "ZZ99").words(Locale.ENGLISH));
    }

    @Test
    void theReasonsOfASuggestionAreInTheReadersLanguageAndSpeakToThem() throws Exception {
        String offer = create(ali, listing("OFFER", "Walks and a chat in Arabic", "M13"));
        String need = create(sam, listing("NEED", "Someone to walk with on Tuesdays", "M14"));

        JsonNode french = suggestions(need, token(sam), "fr").get(0);
        JsonNode english = suggestions(need, token(sam), null).get(0);

        assertThat(french.path("listingId").asString()).isEqualTo(offer);
        assertThat(french.path("why")).isEqualTo(english.path("why"));
        List<String> frenchReasons = french.path("reasons").valueStream().map(JsonNode::asString).toList();
        assertThat(frenchReasons).isNotEmpty().isEqualTo(worded(french.path("why"), Locale.FRENCH))
                .isNotEqualTo(worded(english.path("why"), Locale.ENGLISH));
        assertThat(english.path("reasons").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(worded(english.path("why"), Locale.ENGLISH));
        // Sam asked for help: the reasons speak to him as the one who asked
        assertThat(french.path("why").valueStream().map(why -> why.path("form").asString()).distinct().toList())
                .containsExactly("receiver");
        assertThat(french.path("why").valueStream().map(why -> why.path("code").asString()).toList())
                .contains("both-speak", "both-free");
    }

    @Test
    void aPlansReasonsAreKeptAsCodesAndReadInEachCoordinatorsLanguage() {
        create(ali, listing("OFFER", "Walks and a chat in Arabic", "M13"));
        create(sam, listing("NEED", "Someone to walk with on Tuesdays", "M14"));
        String coordinator = SharedInfrastructure.get().tokens().token("coordinator-" + UUID.randomUUID(), timebank,
                "COORDINATOR");

        ApiClient.Response planned = api.post(base() + "/coordinator/plans", coordinator, "{}", Map.of("Accept-Language", "fr"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        JsonNode french = planned.json().path("proposals").get(0);
        JsonNode english = api.get(base() + "/coordinator/plans/" + planned.text("id"), coordinator).json()
                .path("proposals").get(0);

        assertThat(english.path("why")).as("read back from the store").isEqualTo(french.path("why"));
        assertThat(french.path("why").valueStream().map(why -> why.path("form").asString()).distinct().toList())
                .containsExactly("about");
        assertThat(french.path("reasons").valueStream().map(JsonNode::asString).toList()).isNotEmpty()
                .isEqualTo(worded(french.path("why"), Locale.FRENCH));
        assertThat(english.path("reasons").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(worded(english.path("why"), Locale.ENGLISH));
    }

    private List<String> worded(JsonNode whys, Locale language) {
        return whys.valueStream().map(why -> {
            Map<String, Object> params = new LinkedHashMap<>();
            why.path("params").propertyStream().forEach(p -> params.put(p.getKey(), p.getValue().isNumber()
                    ? p.getValue().asLong() : p.getValue().isArray()
                    ? p.getValue().valueStream().map(JsonNode::asString).toList() : p.getValue().asString()));
            return new Why(why.path("code").asString(), why.path("form").asString(), params).words(language);
        }).toList();
    }

    private JsonNode suggestions(String listing, String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base() + "/listings/"
                + listing + "/suggestions")).header("Authorization", "Bearer " + token).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private Map<String, Object> listing(String kind, String title, String district) {
        return Map.of("kind", kind, "title", title, "category", "befriending", "tags", List.of("walking"),
                "estimatedMinutes", 60, "mode", "IN_PERSON", "district", district,
                "expiresAt", Instant.now().plusSeconds(86_400 * 30).toString());
    }

    private String create(String owner, Map<String, Object> listing) {
        ApiClient.Response response = api.post(base() + "/listings", token(owner), listing);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private String register(String name) {
        String id = UUID.randomUUID().toString();
        LedgerMembers.send(bootstrap, new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id,
                MemberKind.NEIGHBOUR, name, null, "en", null, "coordinator-1"));
        return id;
    }

    private void describe(String member, Map<String, Object> details) {
        ApiClient.Response response = api.put(profile(member), token(member), details);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String base() {
        return "/api/v1/timebanks/" + timebank;
    }

    private String profile(String member) {
        return base() + "/profiles/" + member;
    }

    private String token(String member) {
        return SharedInfrastructure.get().tokens().token(member, timebank, "MEMBER");
    }
}
