package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The bar's security tests on the whole local platform: another timebank's member is kept out of
 * this one's pages and APIs; a form without its CSRF token is refused; repeated wrong passwords
 * lock an account and the person is told by e-mail; a suspended member's next request is refused;
 * every page sends a content security policy; the services refuse tokens from another issuer, for
 * another audience, or signed by another key. Pages are fetched with the session cookie taken
 * from a signed-in browser, to see the statuses and headers a browser hides.
 */
class PortalSecurityIT {

    static final String COOKIE = "RECIPROCITY_PORTAL";
    static Portal portal;
    final Screens screens = new Screens("portal-security");

    @BeforeAll
    static void platform() throws Exception {
        portal = Portal.shared();
    }

    @Test
    void aMemberOfAnotherTimebankGets403Or404OnThisTimebanksPagesAndTheServicesApis() {
        String here = portal.register(Portal.TIMEBANK, Portal.uniqueName("Hana"), "NEIGHBOUR", "en");
        String there = portal.register(Portal.TIMEBANK, Portal.uniqueName("Ivo"), "NEIGHBOUR", "en");
        String contribution = logThroughTheApi(here, there);
        try (Person stranger = signedIn(Portal.ELSEWHERE, "Zoe", "stranger")) {
            String cookie = COOKIE + "=" + stranger.browser.cookie(COOKIE);
            assertThat(Web.page(portal.web + "/", cookie).status()).as("the stranger's own home").isEqualTo(200);
            for (String page : List.of("/contributions/" + contribution, "/contributions/" + contribution + "?lang=fr")) {
                assertThat(Web.page(portal.web + page, cookie).status()).as(page).isIn(403, 404);
            }
            stranger.browser.go(portal.web + "/contributions/" + contribution).look("stranger-sees-another-timebanks-contribution");
            assertThat(stranger.browser.has(By.id("confirm"))).isFalse();

            String token = portal.token(stranger.account.memberId(), Portal.ELSEWHERE);
            Map<String, String> apis = Map.of(
                    "ledger contribution", portal.api("ledger-service", Portal.TIMEBANK) + "/contributions/" + contribution,
                    "ledger account", portal.api("ledger-service", Portal.TIMEBANK) + "/accounts/" + here,
                    "ledger member", portal.api("ledger-service", Portal.TIMEBANK) + "/members/" + here,
                    "matching profile", portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + here,
                    "notification inbox", portal.api("notification-service", Portal.TIMEBANK) + "/inbox",
                    "identity account", portal.api("identity-service", Portal.TIMEBANK) + "/accounts/" + here);
            apis.forEach((what, url) -> assertThat(Web.get(url, token).status()).as(what + " " + url).isIn(403, 404));
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        try (Person member = signedIn(Portal.TIMEBANK, "Cleo", "csrf")) {
            String cookie = COOKIE + "=" + member.browser.cookie(COOKIE);
            member.browser.go(portal.web + "/hours/new");
            String action = member.browser.find(By.xpath("//form[.//*[@id='log-hours']]")).getAttribute("action");
            assertThat(member.browser.html()).as("the form carries its token").contains("_csrf");
            assertThat(Web.page(portal.web + "/", cookie).status()).as("the session works outside the browser").isEqualTo(200);

            Web.Reply logged = Web.postPage(URI.create(portal.web + "/hours/new").resolve(action).toString(), cookie, Map.of("direction", "GAVE", "hours", "1", "minutes", "0",
                    "description", "Posted from elsewhere"));
            assertThat(logged.status()).as("log hours without a CSRF token").isEqualTo(403);
            Web.Reply signOut = Web.postPage(portal.web + "/sign-out", cookie, Map.of());
            assertThat(signOut.status()).as("sign out without a CSRF token").isEqualTo(403);
            assertThat(Web.page(portal.web + "/", cookie).status()).as("still signed in: nothing was done").isEqualTo(200);
        }
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndThePersonIsToldByEmail() {
        Portal.Account account;
        try (Person member = signedIn(Portal.TIMEBANK, "Lena", "lock-out")) {
            account = member.account;
        }
        try (Person someone = new Person(portal, Browser.open(screens, true), "wrong-passwords")) {
            someone.account = account;
            int before = portal.mailbox.count(account.email());
            for (int attempt = 1; attempt <= 10; attempt++) {
                if (attempt > 5) {
                    // after five failures identity hears a try only once its wait is over (100 ms, doubling,
                    // in this suite): a guesser is slowed down, then locked out
                    sleep(Duration.ofMillis(100L << (attempt - 5)));
                }
                someone.tryPassword("not my password " + attempt);
                assertThat(someone.browser.url()).as("attempt " + attempt).startsWith(portal.identity + "/");
            }
            someone.browser.look("after-ten-wrong-passwords");
            someone.tryPassword(account.password());
            assertThat(someone.browser.url()).as("the right password, once locked").startsWith(portal.identity + "/");
            assertThat(someone.browser.has(By.id("balance"))).isFalse();
            someone.browser.look("locked");

            Web.Reply state = Web.get(portal.api("identity-service", Portal.TIMEBANK) + "/accounts/" + account.memberId(),
                    portal.coordinator(Portal.TIMEBANK)).expect(200);
            assertThat(state.text("status")).isEqualTo("LOCKED");
            portal.mailbox.awaitNew(account.email(), before, mail -> mail.link(l -> l.contains("/welcome/")).isEmpty(),
                    "the lock-out e-mail");
        }
    }

    @Test
    void aSuspendedMembersNextRequestIsRefusedAndTheyCannotSignInAgain() {
        try (Person member = signedIn(Portal.TIMEBANK, "Sami", "suspended")) {
            String cookie = COOKIE + "=" + member.browser.cookie(COOKIE);
            assertThat(Web.page(portal.web + "/", cookie).status()).isEqualTo(200);

            String coordinator = portal.coordinator(Portal.TIMEBANK);
            Web.postJson(portal.api("identity-service", Portal.TIMEBANK) + "/accounts/" + member.account.memberId()
                    + "/suspension", coordinator, "{}").expect(200, 201, 204);
            Web.postJson(portal.api("ledger-service", Portal.TIMEBANK) + "/members/" + member.account.memberId() + "/suspension",
                    coordinator, Web.json("reason", "Taking a break agreed with the team")).expect(200);

            Web.Reply next = Web.page(portal.web + "/", cookie);
            assertThat(next.status()).as("the suspended member's next page: " + next.header("Location")).isNotEqualTo(200);
            member.browser.go(portal.web + "/");
            member.browser.awaitLoaded();
            assertThat(member.browser.has(By.id("balance"))).as("home, once suspended").isFalse();
            member.browser.look("suspended-next-request");

            try (Person again = new Person(portal, Browser.open(screens, true), "suspended-again")) {
                again.account = member.account;
                again.tryPassword(member.account.password());
                assertThat(again.browser.url()).as("a suspended member signing in").startsWith(portal.identity + "/");
                again.browser.look("suspended-cannot-sign-in");
            }
        }
    }

    @Test
    void everyPageSendsAStrictContentSecurityPolicy() {
        try (Person member = signedIn(Portal.TIMEBANK, "Pia", "csp")) {
            String cookie = COOKIE + "=" + member.browser.cookie(COOKIE);
            for (String page : List.of("/", "/hours/new", "/statement", "/spend", "/give", "/contributions/no-such-thing",
                    "/?lang=fr")) {
                Web.Reply reply = Web.page(portal.web + page, cookie);
                String policy = reply.header("Content-Security-Policy");
                assertThat(policy).as("the policy of " + page + " (" + reply.status() + ")").isNotNull()
                        .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .contains("form-action 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            }
            for (String page : List.of("/login", "/login?lang=fr", "/welcome/not-a-real-invite")) {
                Web.Reply reply = Web.page(portal.identity + page, "");
                assertThat(reply.header("Content-Security-Policy")).as("identity's " + page + " (" + reply.status() + ")")
                        .isNotNull().contains("default-src").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            }
        }
    }

    @Test
    void theServicesRefuseATokenFromAnotherIssuerForAnotherAudienceOrSignedByAnotherKey() throws Exception {
        String member = portal.register(Portal.TIMEBANK, Portal.uniqueName("Tariq"), "NEIGHBOUR", "en");
        Map<String, String> apis = Map.of(
                "ledger-service", portal.api("ledger-service", Portal.TIMEBANK) + "/members/" + member,
                "matching-service", portal.api("matching-service", Portal.TIMEBANK) + "/profiles/" + member,
                "notification-service", portal.api("notification-service", Portal.TIMEBANK) + "/inbox",
                "identity-service", portal.api("identity-service", Portal.TIMEBANK) + "/accounts/" + member);
        String right = portal.token(member, Portal.TIMEBANK);
        String otherIssuer = portal.tokenNaming("https://sign-in.example.org", "reciprocity", member, Portal.TIMEBANK);
        String otherAudience = portal.tokenNaming(portal.identity, "another-service", member, Portal.TIMEBANK);
        String otherKey = signedByAnotherKey(portal.identity, "reciprocity", member, Portal.TIMEBANK);
        apis.forEach((service, url) -> {
            assertThat(Web.get(url, right).status()).as(service + " takes identity's own token").isNotEqualTo(401);
            assertThat(Web.get(url, otherIssuer).status()).as(service + " with another issuer").isEqualTo(401);
            assertThat(Web.get(url, otherAudience).status()).as(service + " for another audience").isEqualTo(401);
            assertThat(Web.get(url, otherKey).status()).as(service + " signed by another key").isEqualTo(401);
        });
    }

    // ---- helpers

    /** A member of {@code timebank}, invited through the APIs, who set a password and is signed in. */
    private Person signedIn(String timebank, String first, String label) {
        Portal.Invited invited = portal.enrolThroughApis(timebank, Portal.uniqueName(first), "en", List.of());
        Person person = new Person(portal, Browser.open(screens, true), label);
        try {
            person.setUpPassword(invited.link(), new Portal.Account(invited.name(), invited.memberId(), timebank,
                    invited.email(), "a quiet morning " + first.toLowerCase()));
            return person;
        } catch (RuntimeException | Error e) {
            person.close();
            throw e;
        }
    }

    private String logThroughTheApi(String giver, String receiver) {
        String id = "security-" + System.nanoTime();
        Web.postJson(portal.api("ledger-service", Portal.TIMEBANK) + "/contributions", portal.token(giver, Portal.TIMEBANK),
                Web.json("id", id, "side", "GIVER", "giverId", giver, "receiverId", receiver, "minutes", 60,
                        "happenedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "kind", "PEER_SUPPORT",
                        "description", "Time together")).expect(201);
        return id;
    }

    private static String signedByAnotherKey(String issuer, String audience, String member, String timebank) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("not-ours").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(member)
                .claim("timebank_id", timebank).claim("roles", List.of("MEMBER"))
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
