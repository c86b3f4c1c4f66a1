package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuthorizationCodeFlowIT extends IdentityServiceIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @org.springframework.beans.factory.annotation.Autowired
    com.nimbusds.jose.jwk.RSAKey signingKey;

    static final String REDIRECT = PORTAL + "/login/oauth2/code/reciprocity";

    @Test
    void aMemberSignsInWithAPasswordAndThePortalGetsTokensTheServicesAccept() throws Exception {
        Account member = aMemberWithPassword("a long walk by the sea", "COORDINATOR");
        Browser browser = browser();

        HttpResponse<String> authorize = browser.get("/oauth2/authorize?response_type=code&client_id=reciprocity-portal"
                + "&redirect_uri=" + Browser.enc(REDIRECT) + "&scope=openid&state=s0");
        assertThat(Browser.location(authorize)).endsWith("/login");
        HttpResponse<String> signedIn = browser.signIn(member.email(), "a long walk by the sea");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("RECIPROCITY_SIGNIN="));

        JsonNode tokens = JsonMapper.builder().build().readTree(browser.tokensJson("reciprocity-portal", SECRET, REDIRECT));
        NimbusJwtDecoder keys = NimbusJwtDecoder.withJwkSetUri(browser.base + "/oauth2/jwks").build();
        Jwt access = keys.decode(tokens.get("access_token").asText());
        assertThat(access.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo(member.memberId());
        assertThat(access.getAudience()).containsExactly("reciprocity");
        assertThat(access.getClaimAsString("timebank_id")).isEqualTo(member.timebankId());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("MEMBER", "COORDINATOR");
        assertThat(access.getExpiresAt()).isBetween(access.getIssuedAt().plusSeconds(14 * 60), access.getIssuedAt().plusSeconds(15 * 60));

        Jwt id = keys.decode(tokens.get("id_token").asText());
        assertThat(id.getClaimAsString("timebank_id")).isEqualTo(member.timebankId());
        assertThat(id.getClaimAsStringList("roles")).containsExactly("MEMBER", "COORDINATOR");
        assertThat(id.getClaimAsString("locale")).isEqualTo("en");
        assertThat(tokens.has("refresh_token")).isTrue();
    }

    @Test
    void aRoleChangeShowsInTheNextToken() throws Exception {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();
        browser.signIn(member.email(), "a long walk by the sea");
        NimbusJwtDecoder keys = NimbusJwtDecoder.withJwkSetUri(browser.base + "/oauth2/jwks").build();
        JsonMapper json = JsonMapper.builder().build();
        Jwt before = keys.decode(json.readTree(browser.tokensJson("reciprocity-portal", SECRET, REDIRECT)).get("access_token").asText());
        assertThat(before.getClaimAsStringList("roles")).containsExactly("MEMBER");

        accounts.setRoles(member.id(), List.of("ADMIN"));

        Jwt after = keys.decode(json.readTree(browser.tokensJson("reciprocity-portal", SECRET, REDIRECT)).get("access_token").asText());
        assertThat(after.getClaimAsStringList("roles")).containsExactly("MEMBER", "ADMIN");
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeys() {
        HttpResponse<String> discovery = browser().get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + ISSUER + "\"").contains(ISSUER + "/oauth2/jwks");
    }

    @Test
    void healthIsUpAndTheSignInPageHasItsStyles() {
        Browser browser = browser();
        assertThat(browser.getAny("/actuator/health").body()).contains("UP");
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.body()).contains("id=\"sign-in\"").contains("id=\"email-me-a-link\"").contains("id=\"sign-in-with-passkey\"");
        assertThat(browser.getAny("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode()).isEqualTo(200);
        assertThat(browser.get("/login?lang=fr").body()).contains("lang=\"fr\"");
        // the passkey button's script is Spring Security's own
        assertThat(browser.getAny("/login/webauthn.js").statusCode()).isEqualTo(200);
    }

    /**
     * A browser keeps the sign-in pages' static files for a year and asks again only under a new address: each
     * link names its version, each file answers with a year's public cache; the page itself is never stored.
     */
    @Test
    void theSignInPagesStaticFilesNameTheirVersionAndAreKeptForAYear() {
        Browser browser = browser();
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        List<String> links = java.util.regex.Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"")
                .matcher(login.body()).results().map(m -> m.group(1)).toList();
        assertThat(links).as("the sign-in page's static links").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(link -> link.matches("/(css|js)/[a-z-]+-[0-9a-f]{32}\\.(css|js)")
                        || link.matches("/webjars/[^/]+/[0-9][^/]*/.+"), "names its version");
        for (String link : links) {
            HttpResponse<String> file = browser.getAny(link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(link).get().asString()
                    .contains("max-age=31536000").contains("public").doesNotContain("no-store");
        }
    }

    @Test
    void everyInstanceSignsWithTheKeyTheFirstOneStored() {
        com.nimbusds.jose.jwk.RSAKey again = org.reciprocity.identity.token.SigningKeys.loadOrCreate(mongo);
        assertThat(again.getKeyID()).isEqualTo(signingKey.getKeyID());
        assertThat(browser().getAny("/oauth2/jwks").body()).contains(signingKey.getKeyID());
    }
}
