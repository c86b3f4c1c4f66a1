package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalHelpersIT extends IdentityServiceIT {

    @Test
    void onThisMachineTheLocalTokenCarriesTheServicesClaims() {
        Browser browser = browser();
        HttpResponse<String> token = browser.postForm("/local/token", Map.of("member", "ali", "timebank", "demo", "roles", "COORDINATOR"));
        assertThat(token.statusCode()).isEqualTo(200);
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(browser.base + "/oauth2/jwks").build().decode(token.body());
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("ali");
        assertThat(jwt.getAudience()).containsExactly("reciprocity");
        assertThat(jwt.getClaimAsString("timebank_id")).isEqualTo("demo");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER", "COORDINATOR");
    }

    @Test
    void theFirstAdminsLinkSetsUpTheAdminAndThenIsGone() {
        Browser browser = browser();
        HttpResponse<String> link = browser.getAny("/local/first-admin-link");
        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(link.body()).startsWith(ISSUER + "/welcome/");
        String welcome = link.body().substring(ISSUER.length());

        browser.submit(welcome, welcome, Map.of("method", "password", "password", "the admin's own words", "confirm-password", "the admin's own words"));

        assertThat(browser().getAny("/local/first-admin-link").statusCode()).isEqualTo(404);
        assertThat(accounts.byEmail("admin@localhost").orElseThrow().roles()).contains("ADMIN", "MEMBER");
    }

    @Test
    void theDemoPasswordSetsUpAnInvitedMemberWhoThenSignsInWithIt() {
        String member = "m-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = member + "@example.org";
        accounts.claimEmail(email, org.reciprocity.identity.account.Account.key("demo", member));
        accounts.invite("demo", member, email, "en", java.util.List.of("MEMBER"));

        HttpResponse<String> set = browser().postForm("/local/password", Map.of("member", member, "timebank", "demo",
                "password", "time given is time shared"));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(accounts.byEmail(email).orElseThrow().status().name()).isEqualTo("ACTIVE");
        HttpResponse<String> signedIn = browser().signIn(email, "time given is time shared");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).doesNotContain("error");
    }

    @Test
    void theDemoPasswordKeepsThePasswordRulesAndNeedsAnAccount() {
        String member = "m-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = member + "@example.org";
        accounts.claimEmail(email, org.reciprocity.identity.account.Account.key("demo", member));
        accounts.invite("demo", member, email, "en", java.util.List.of("MEMBER"));

        HttpResponse<String> common = browser().postForm("/local/password", Map.of("member", member, "timebank", "demo",
                "password", "passw0rd"));
        HttpResponse<String> nobody = browser().postForm("/local/password", Map.of("member", "nobody-here", "timebank", "demo",
                "password", "time given is time shared"));

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).isEqualTo("password-too-common");
        assertThat(accounts.byEmail(email).orElseThrow().passwordHash()).isNull();
        assertThat(accounts.byEmail(email).orElseThrow().status().name()).isEqualTo("INVITED");
        assertThat(nobody.statusCode()).isEqualTo(404);
    }

    @Test
    void aCallerFromAnotherAddressGets404() {
        Optional<InetAddress> lan = lanAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback address to call from");
        Browser remote = new Browser("http://" + lan.get().getHostAddress() + ":" + port);
        assertThat(remote.postForm("/local/token", Map.of("member", "ali", "timebank", "demo", "roles", "ADMIN")).statusCode()).isEqualTo(404);
        assertThat(remote.getAny("/local/first-admin-link").statusCode()).isEqualTo(404);
        assertThat(remote.postForm("/local/password", Map.of("member", "admin", "timebank", "demo",
                "password", "time given is time shared")).statusCode()).isEqualTo(404);
    }

    private static Optional<InetAddress> lanAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } })
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
