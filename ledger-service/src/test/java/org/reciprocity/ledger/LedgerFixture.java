package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestTokens;

/** A timebank with members and an organisation, driven through the real HTTP API, in plain words. */
public final class LedgerFixture {

    public final ApiClient api;
    public final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    public final TestTokens tokens = SharedInfrastructure.get().tokens();

    public LedgerFixture(int port) {
        api = new ApiClient("http://localhost:" + port);
        assertThat(api.post("/api/v1/timebanks", admin(),
                Map.of("id", timebank, "name", "Riverside", "zoneId", "Europe/London")).status()).isEqualTo(201);
    }

    public String admin() {
        return tokens.token("admin-1", timebank, "ADMIN", "COORDINATOR", "STAFF");
    }

    public String coordinator() {
        return tokens.token("coordinator-1", timebank, "COORDINATOR");
    }

    /** A staff reviewer (role STAFF): reviews the ledger, is nobody's counterpart. */
    public String reviewer(String memberId) {
        return tokens.token(memberId, timebank, "STAFF");
    }

    public String as(String memberId) {
        return tokens.token(memberId, timebank, "MEMBER");
    }

    public String aMember(String name) {
        ApiClient.Response r = api.post(path("/members"), coordinator(), Map.of("kind", "SERVICE_USER", "displayName", name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    /** An organisation that lists these members as its staff. */
    public String anOrganisation(String name, String... staff) {
        ApiClient.Response r = api.post(path("/organisations"), admin(), Map.of("name", name, "staffIds", List.of(staff)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    public ApiClient.Response logGiven(String giver, String receiver, long minutes) {
        return api.post(path("/contributions"), as(giver), logBody(giver, receiver, minutes, "GIVER"));
    }

    public Map<String, Object> logBody(String giver, String receiver, long minutes, String side) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("side", side);
        body.put("giverId", giver);
        body.put("receiverId", receiver);
        body.put("minutes", minutes);
        body.put("happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString());
        body.put("kind", "PEER_SUPPORT");
        body.put("description", "A walk and a talk");
        return body;
    }

    public ApiClient.Response validate(String contributionId, String by, String note) {
        return api.post(path("/contributions/" + contributionId + "/validation"), as(by), Map.of("note", note));
    }

    public long balance(String accountId) {
        ApiClient.Response r = api.get(path("/accounts/" + accountId), admin());
        return r.status() == 404 ? 0 : r.json().path("balance").asLong();
    }

    public long sumOfBalances() {
        return api.get(path("/accounts"), admin()).json().path("sumOfBalances").asLong();
    }

    public List<String> accountIds() {
        return api.get(path("/accounts"), admin()).json().path("accounts").valueStream()
                .map(a -> a.path("id").asString()).toList();
    }

    public String path(String rest) {
        return "/api/v1/timebanks/" + timebank + rest;
    }
}
