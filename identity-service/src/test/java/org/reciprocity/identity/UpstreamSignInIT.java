package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Production may trust an upstream OpenID Connect provider by configuration: "Sign in with Example
 * ID" on the sign-in page, the upstream person mapped to their Reciprocity account by the e-mail the
 * provider vouches for (then by their subject there), and identity-service's own tokens as ever. The
 * upstream is a second provider started by the test ({@link UpstreamIssuer}), over real HTTP.
 */
class UpstreamSignInIT extends IdentityServiceIT {

    static final UpstreamIssuer UPSTREAM = UpstreamIssuer.start();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("reciprocity.identity.upstream.issuer", UPSTREAM::issuer);
        registry.add("reciprocity.identity.upstream.client-id", () -> UpstreamIssuer.CLIENT_ID);
        registry.add("reciprocity.identity.upstream.client-secret", () -> UpstreamIssuer.CLIENT_SECRET);
        registry.add("reciprocity.identity.upstream.name", () -> "Example ID");
    }

    @Test
    void aMemberSignsInWithTheUpstreamProviderAndThePortalGetsReciprocityTokens() throws Exception {
        Account member = aMemberWithPassword("a long walk by the sea", "COORDINATOR");
        Browser browser = browser();
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.body()).contains("id=\"sign-in-with-upstream\"").contains("Sign in with Example ID");

        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), member.email(), true));
        HttpResponse<String> done = signInUpstream(browser);

        assertThat(Browser.location(done)).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");
        Jwt access = NimbusJwtDecoder.withJwkSetUri(browser.base + "/oauth2/jwks").build().decode(JsonMapper.builder().build()
                .readTree(browser.tokensJson("reciprocity-portal", SECRET, AuthorizationCodeFlowIT.REDIRECT)).get("access_token").asText());
        assertThat(access.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo(member.memberId());
        assertThat(access.getClaimAsString("timebank_id")).isEqualTo(member.timebankId());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("MEMBER", "COORDINATOR");
    }

    @Test
    void onceJoinedThePersonIsKnownByTheirSubjectThereEvenAfterChangingTheirEmailThere() {
        Account member = aMemberWithPassword("a long walk by the sea");
        String subject = "sub-" + UUID.randomUUID();
        UPSTREAM.willSignIn(new UpstreamIssuer.Person(subject, member.email(), true));
        assertThat(Browser.location(signInUpstream(browser()))).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");

        UPSTREAM.willSignIn(new UpstreamIssuer.Person(subject, "new-address-" + UUID.randomUUID() + "@example.org", true));
        Browser later = browser();
        assertThat(Browser.location(signInUpstream(later))).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");
        assertThat(later.tokensJson("reciprocity-portal", SECRET, AuthorizationCodeFlowIT.REDIRECT)).contains("access_token");

        // and another person there, given that address later, is not let into the account
        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), member.email(), true));
        assertThat(Browser.location(signInUpstream(browser()))).endsWith("/login/upstream-refused?reason=linked");
    }

    @Test
    void anInvitedPersonIsSetUpByTheAddressTheProviderVouchesFor() {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "ines-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        accounts.claimEmail(email, Account.key(timebank, "ines"));
        accounts.invite(timebank, "ines", email, "fr", List.of());

        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), email.toUpperCase(), true));
        assertThat(Browser.location(signInUpstream(browser()))).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");

        assertThat(accounts.byId(Account.key(timebank, "ines")).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void someoneWithoutAnAccountWithAnAddressTheProviderHasNotCheckedOrSuspendedIsRefusedInPlainWordsAndNotSignedIn() {
        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), "stranger-" + UUID.randomUUID() + "@example.org", true));
        Browser stranger = browser();
        String refused = Browser.location(signInUpstream(stranger));
        assertThat(refused).endsWith("/login/upstream-refused?reason=no-account");
        HttpResponse<String> page = stranger.get(refused);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"upstream-refused\"").contains("We could not sign you in")
                .contains("We do not know the e-mail your Example ID account gave us.");
        assertThat(Browser.location(stranger.get("/oauth2/authorize?response_type=code&client_id=reciprocity-portal"
                + "&redirect_uri=" + Browser.enc(AuthorizationCodeFlowIT.REDIRECT) + "&scope=openid&state=s0"))).endsWith("/login");

        Account member = aMemberWithPassword("a long walk by the sea");
        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), member.email(), false));
        Browser unchecked = browser();
        String notVerified = Browser.location(signInUpstream(unchecked));
        assertThat(notVerified).endsWith("/login/upstream-refused?reason=not-verified");
        assertThat(unchecked.get(notVerified + "&lang=fr").body())
                .contains("Votre compte Example ID n’a pas encore confirmé votre adresse e-mail.");

        Account suspended = aMemberWithPassword("a long walk by the sea");
        accounts.suspend(suspended.id());
        UPSTREAM.willSignIn(new UpstreamIssuer.Person("sub-" + UUID.randomUUID(), suspended.email(), true));
        assertThat(Browser.location(signInUpstream(browser()))).endsWith("/login/upstream-refused?reason=suspended");
    }

    /** The browser's round trip: to the provider, which signs in its person, and back. */
    private static HttpResponse<String> signInUpstream(Browser browser) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/upstream");
        assertThat(Browser.location(start)).startsWith(UPSTREAM.issuer() + "/authorize");
        HttpResponse<String> provider = browser.get(Browser.location(start));
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(302);
        return browser.get(Browser.location(provider));
    }
}
