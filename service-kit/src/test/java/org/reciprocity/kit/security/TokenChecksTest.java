package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service takes a token only when the trusted issuer signed it, named itself as {@code iss},
 * named our audience in {@code aud} and gave it an expiry not passed. Any other token is a 401
 * {@code not-signed-in}: a good signature alone is not enough (issue 10, finding 3).
 */
class TokenChecksTest {

    static FakeIssuer issuer;
    static KitApp service;

    @BeforeAll
    static void start() {
        issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
        service = KitApp.start(issuer.properties());
    }

    @AfterAll
    static void stop() {
        service.close();
        issuer.close();
    }

    @Test
    void aTokenFromTheTrustedIssuerForOurAudienceIsAccepted() {
        KitApp.Answer answer = service.get("/api/v1/hello", issuer.token("m-1", "tb-1", "MEMBER"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("member").asString()).isEqualTo("m-1");
    }

    @Test
    void aTokenNamingAnotherIssuerIsRefusedThoughItsSignatureIsGood() {
        String token = issuer.token(claims -> claims.issuer("https://another-issuer.example"), "m-1", "tb-1", "MEMBER");

        KitApp.Answer answer = service.get("/api/v1/hello", token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not-signed-in");
    }

    @Test
    void aTokenWithoutAnIssuerIsRefused() {
        String token = issuer.token(claims -> claims.issuer(null), "m-1", "tb-1", "MEMBER");

        assertThat(service.get("/api/v1/hello", token).code()).isEqualTo("not-signed-in");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedThoughItsSignatureIsGood() {
        String token = issuer.token(claims -> claims.audience("another-application"), "m-1", "tb-1", "MEMBER");

        KitApp.Answer answer = service.get("/api/v1/hello", token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not-signed-in");
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() {
        String token = issuer.token(claims -> claims.audience((String) null), "m-1", "tb-1", "MEMBER");

        assertThat(service.get("/api/v1/hello", token).code()).isEqualTo("not-signed-in");
    }

    @Test
    void aTokenForSeveralAudiencesOneOfThemOursIsAccepted() {
        String token = issuer.token(claims -> claims.audience(List.of("portal", FakeIssuer.AUDIENCE)),
                "m-1", "tb-1", "MEMBER");

        assertThat(service.get("/api/v1/hello", token).status()).isEqualTo(200);
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        String token = issuer.token(claims -> claims.expirationTime(null), "m-1", "tb-1", "MEMBER");

        assertThat(service.get("/api/v1/hello", token).code()).isEqualTo("not-signed-in");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = issuer.token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))),
                "m-1", "tb-1", "MEMBER");

        assertThat(service.get("/api/v1/hello", token).code()).isEqualTo("not-signed-in");
    }

    @Test
    void tokensSignedWithKeysTheIssuerNeverPublishedAreRefusedEveryTimeWithoutCallingItEachTime() {
        List<String> forged = IntStream.range(0, 10)
                .mapToObj(i -> issuer.forged("m-1", "tb-1", "ADMIN")).toList();
        int fetchesBefore = issuer.fetches();

        for (int i = 0; i < forged.size(); i++) {
            KitApp.Answer answer = service.get("/api/v1/hello", forged.get(i));
            assertThat(answer.status()).as("forged token %d", i).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("not-signed-in");
        }
        // at most two fetches per IssuerKeys.RATE_LIMIT, however many made-up key ids arrive
        assertThat(issuer.fetches() - fetchesBefore).as("fetches of the key set for unknown key ids").isLessThanOrEqualTo(2);
    }

    @Test
    void aCallWithoutATokenIsRefusedWithItsOwnAddress() {
        KitApp.Answer answer = service.get("/api/v1/hello", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("instance").asString()).isEqualTo("/api/v1/hello");
    }
}
