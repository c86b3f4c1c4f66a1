package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;

class SignInLinkIT extends IdentityServiceIT {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(ISSUER) + "(/login/ott\\?token=[A-Za-z0-9_-]{43}(&next=password)?)");

    @Test
    void aPersonAsksForALinkAndSignsInWithItOnce() {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();

        HttpResponse<String> asked = browser.submit("/login/link", "/ott/generate", Map.of("username", member.email()));
        assertThat(Browser.location(asked)).endsWith("/login/link-sent");

        String link = linkIn(member.email());
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        String token = Browser.query(browser.base + link).get("token");
        HttpResponse<String> signedIn = browser.postForm("/login/ott", Map.of("token", token, "_csrf", Browser.csrfOf(page.body())));
        assertThat(Browser.location(signedIn)).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");
        assertThat(browser.tokensJson("reciprocity-portal", SECRET, AuthorizationCodeFlowIT.REDIRECT)).contains("access_token");

        Browser again = browser();
        HttpResponse<String> second = again.get(link);
        HttpResponse<String> refused = again.postForm("/login/ott", Map.of("token", token, "_csrf", Browser.csrfOf(second.body())));
        assertThat(Browser.location(refused)).contains("/login?error");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailHasAnAccount() {
        HttpResponse<String> unknown = browser().submit("/login/link", "/ott/generate", Map.of("username", "nobody-here@example.org"));
        Account member = aMemberWithPassword("a long walk by the sea");
        HttpResponse<String> known = browser().submit("/login/link", "/ott/generate", Map.of("username", member.email()));
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(Browser.location(unknown)).isEqualTo(Browser.location(known));
        assertThat(TestServers.mailTo("nobody-here@example.org")).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetBySigningInByLinkThenChoosingANewOne() {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();
        browser.submit("/login/link?next=password", "/ott/generate", Map.of("username", member.email(), "next", "password"));
        String link = linkIn(member.email());
        assertThat(link).endsWith("&next=password");
        HttpResponse<String> page = browser.get(link);
        HttpResponse<String> signedIn = browser.postForm("/login/ott", Map.of("token", Browser.query(browser.base + link).get("token"),
                "next", "password", "_csrf", Browser.csrfOf(page.body())));
        assertThat(Browser.location(signedIn)).endsWith("/account/password");

        HttpResponse<String> common = browser.submit("/account/password", "/account/password",
                Map.of("password", "password123", "confirm-password", "password123"));
        assertThat(common.body()).contains("govuk-error-summary");
        HttpResponse<String> saved = browser.submit("/account/password", "/account/password",
                Map.of("password", "a quieter walk in the hills", "confirm-password", "a quieter walk in the hills"));
        assertThat(saved.body()).contains("id=\"password-set\"");
        assertThat(Browser.location(browser().signIn(member.email(), "a quieter walk in the hills"))).isEqualTo(PORTAL + "/oauth2/authorization/reciprocity");
        assertThat(Browser.location(browser().signIn(member.email(), "a long walk by the sea"))).endsWith("/login?error=wrong");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Account member = aMemberWithPassword("a long walk by the sea");
        HttpResponse<String> noToken = browser().postForm("/login", Map.of("username", member.email(), "password", "a long walk by the sea"));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    private static String linkIn(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestServers.mailTo(email).isEmpty());
        var mails = TestServers.mailTo(email);
        String body = TestServers.body(mails.get(mails.size() - 1)).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }
}
