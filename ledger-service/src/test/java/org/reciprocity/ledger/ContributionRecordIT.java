package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17: a member's contribution record. Sam makes one from the time he gave and Ali confirmed;
 * anyone with its code reads it without signing in and checks its signature with the keys the
 * ledger publishes (Nimbus, as any JOSE tool would); a record changed after signing does not check;
 * only Sam can make, list or withdraw his records; a withdrawn one says so.
 */
@ServiceIntegrationTest
class ContributionRecordIT {

    @LocalServerPort
    int port;

    LedgerFixture given;
    String sam;
    String ali;

    @BeforeEach
    void samGaveTimeAliConfirmed() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam Carter");
        ali = given.aMember("Ali");
        for (long minutes : List.of(90L, 45L)) {
            ApiClient.Response logged = given.logGiven(sam, ali, minutes);
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
            assertThat(given.validate(logged.text("id"), ali, "Thank you").status()).isEqualTo(200);
        }
        // logged but not confirmed: never in a record
        ApiClient.Response open = given.logGiven(sam, ali, 30);
        assertThat(open.status()).as(open.body()).isEqualTo(201);
    }

    @Test
    void aRecordReadByItsCodeChecksWithThePublishedKeysAndAChangedOneDoesNot() throws Exception {
        ApiClient.Response issued = given.api.post(records(sam), given.as(sam), Map.of("showName", true, "showDates", true));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String code = issued.text("code");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(issued.json().path("totalMinutes").asLong()).isEqualTo(135);

        ApiClient.Response read = given.api.get("/api/v1/contribution-records/" + code, null);
        assertThat(read.status()).as("no sign-in needed: " + read.body()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("ISSUED");
        String jws = read.text("jws");
        assertThat(jws).isEqualTo(issued.text("jws"));

        ApiClient.Response keys = given.api.get("/api/v1/contribution-records/keys", null);
        assertThat(keys.status()).isEqualTo(200);
        JWKSet published = JWKSet.parse(keys.body());
        JWSObject record = JWSObject.parse(jws);
        ECKey key = (ECKey) published.getKeyByKeyId(record.getHeader().getKeyID());
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(record.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(record.getHeader().getType().getType()).isEqualTo("vc+jwt");

        Map<String, Object> credential = record.getPayload().toJSONObject();
        assertThat(credential.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        String payload = record.getPayload().toString();
        assertThat(payload).contains("\"name\":\"Sam Carter\"", "\"totalMinutes\":135", "\"validatedBy\":\"ANOTHER_MEMBER\"",
                "\"name\":\"Riverside\"");
        assertThat(payload).as("no one else's name, no notes, no descriptions")
                .doesNotContain("Ali", "Thank you", "A walk and a talk", ali);

        String[] parts = jws.split("\\.");
        String changed = parts[0] + "." + Base64URL.encode(payload.replace("\"totalMinutes\":135", "\"totalMinutes\":1350"))
                + "." + parts[2];
        assertThat(JWSObject.parse(changed).verify(new ECDSAVerifier(key))).isFalse();
    }

    @Test
    void theKeysAreAlsoAtTheWellKnownAddressPublicAndKeptByCachesForAnHour() throws Exception {
        java.net.http.HttpResponse<String> wellKnown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/.well-known/jwks.json"))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wellKnown.statusCode()).as("no token needed: " + wellKnown.body()).isEqualTo(200);
        assertThat(wellKnown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(wellKnown.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=3600", "public"));
        ApiClient.Response keys = given.api.get("/api/v1/contribution-records/keys", null);
        assertThat(JWKSet.parse(wellKnown.body()).toJSONObject()).isEqualTo(JWKSet.parse(keys.body()).toJSONObject());
        assertThat(JWKSet.parse(wellKnown.body()).getKeys()).isNotEmpty().allMatch(k -> !k.isPrivate());
        // only GET is public there
        assertThat(given.api.post("/.well-known/jwks.json", null, Map.of()).status()).isIn(401, 403, 405);
    }

    @Test
    void whatTheMemberDidNotShareIsNotInTheRecord() throws Exception {
        ApiClient.Response issued = given.api.post(records(sam), given.as(sam), Map.of("kinds", List.of("PEER_SUPPORT")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String payload = JWSObject.parse(issued.text("jws")).getPayload().toString();
        assertThat(payload).doesNotContain("Sam", "happenedOn", "validatedAt");

        ApiClient.Response none = given.api.post(records(sam), given.as(sam), Map.of("kinds", List.of("GOVERNING_BODY")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.code()).isEqualTo("nothing-to-record");
        ApiClient.Response backwards = given.api.post(records(sam), given.as(sam),
                Map.of("from", "2026-05-02", "to", "2026-05-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("period-backwards");
    }

    @Test
    void onlyTheMemberMakesListsAndWithdrawsTheirRecordsAndAWithdrawnOneSaysSo() {
        ApiClient.Response forSomeoneElse = given.api.post(records(sam), given.as(ali), Map.of("showName", true));
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(given.api.post(records(sam), given.coordinator(), Map.of()).status())
                .as("not even a coordinator makes one for them").isEqualTo(403);

        String code = given.api.post(records(sam), given.as(sam), Map.of()).text("code");
        assertThat(given.api.get(records(sam), given.as(ali)).status()).isEqualTo(403);
        assertThat(given.api.post(records(sam) + "/" + code + "/revocation", given.as(ali), null).status()).isEqualTo(403);
        assertThat(given.api.post(records(ali) + "/" + code + "/revocation", given.as(ali), null).status())
                .as("Ali cannot withdraw Sam's record through his own path").isEqualTo(404);
        assertThat(given.api.get("/api/v1/contribution-records/" + code, null).text("status")).isEqualTo("ISSUED");

        ApiClient.Response withdrawn = given.api.post(records(sam) + "/" + code + "/revocation", given.as(sam), null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        ApiClient.Response read = given.api.get("/api/v1/contribution-records/" + code.toLowerCase(), null);
        assertThat(read.text("status")).isEqualTo("WITHDRAWN");
        assertThat(read.text("withdrawnAt")).isNotBlank();

        ApiClient.Response mine = given.api.get(records(sam), given.as(sam));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get(0).path("code").asString()).isEqualTo(code);
        assertThat(given.api.get("/api/v1/contribution-records/ZZZZZZZZZZ", null).status()).isEqualTo(404);
    }

    private String records(String member) {
        return given.path("/members/" + member + "/contribution-records");
    }
}
