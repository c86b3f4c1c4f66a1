package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query string the container cannot decode (a broken %-escape, bytes that are not UTF-8) is the
 * sender's mistake: a 400 problem saying we could not read it, not a 500 "something went wrong on
 * our side" (found by trying {@code /names?ids=%zz} on the running platform, session 12).
 */
class UndecodableQueryTest {

    static FakeIssuer issuer;
    static KitApp app;

    @BeforeAll
    static void start() {
        issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
        app = KitApp.start(issuer.properties());
    }

    @AfterAll
    static void stop() {
        app.close();
        issuer.close();
    }

    @Test
    void aReadableQueryIsRead() {
        KitApp.Answer answer = app.get("/api/v1/echo?q=caf%C3%A9", token());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("q").asString()).isEqualTo("café");
    }

    @Test
    void aBrokenPercentEscapeIsAProblemOfTheSender() {
        KitApp.Answer answer = app.rawGet("/api/v1/echo?q=%zz", token());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unreadable-request");
        assertThat(answer.json().path("detail").asString()).isEqualTo("We could not read what was sent. Nothing was changed.");
    }

    @Test
    void bytesThatAreNotUtf8AreAProblemOfTheSender() {
        KitApp.Answer answer = app.get("/api/v1/echo?q=%C3%28", token());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unreadable-request");
    }

    private static String token() {
        return issuer.token("member-1", "tb-1", "MEMBER");
    }
}
