package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;

class LockOutIT extends IdentityServiceIT {

    @Test
    void tenWrongPasswordsLockTheAccountAndEmailThePerson() throws Exception {
        Account member = aMemberWithPassword("the right one, at last");
        Browser browser = browser();

        for (int i = 1; i <= 10; i++) {
            Thread.sleep(5); // past the (shortened) slow-down wait, so each try is heard
            assertThat(Browser.location(browser.signIn(member.email(), "wrong guess " + i)))
                    .endsWith(i < 10 ? "/login?error=wrong" : "/login?error=locked");
        }

        Account locked = accounts.byId(member.id()).orElseThrow();
        assertThat(locked.lockedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(Browser.location(browser.signIn(member.email(), "the right one, at last"))).endsWith("/login?error=locked");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestServers.mailTo(member.email()).size() == 1);
        assertThat(TestServers.body(TestServers.mailTo(member.email()).get(0))).contains("/login");
    }

    @Test
    void afterFiveFailuresATryThatComesTooSoonIsNotHeard() {
        Account member = aMemberWithPassword("the right one, at last");
        accounts.invite(member.timebankId(), member.memberId(), member.email(), "en", null);
        // five failures, the last one a minute "ahead": with the tests' 1 ms step the wait cannot have passed
        for (int i = 0; i < 5; i++) {
            accounts.recordFailure(member.id(), Instant.now().plusSeconds(60), new org.reciprocity.identity.account.LockOut(Duration.ofMillis(1)));
        }
        // a try within the wait is refused unheard, even with the right password, and is not counted
        assertThat(Browser.location(browser().signIn(member.email(), "the right one, at last"))).endsWith("/login?error=wait");
        assertThat(accounts.byId(member.id()).orElseThrow().failedAttempts()).isEqualTo(5);
    }

    @Test
    void aSuspendedPersonCannotSignInAndTheirRefreshIsRefused() {
        Account member = aMemberWithPassword("the right one, at last");
        Browser browser = browser();
        browser.signIn(member.email(), "the right one, at last");
        String tokens = browser.tokensJson("reciprocity-portal", SECRET, AuthorizationCodeFlowIT.REDIRECT);
        String refresh = tokens.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");

        accounts.suspend(member.id());

        assertThat(Browser.location(browser().signIn(member.email(), "the right one, at last"))).endsWith("/login?error=suspended");
        var refreshed = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base + "/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("reciprocity-portal:" + SECRET).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + Browser.enc(refresh)))
                .build());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        assertThat(List.of(accounts.byId(member.id()).orElseThrow().status().name())).containsExactly("SUSPENDED");
    }
}
