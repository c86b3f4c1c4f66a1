package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Rule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The browser suite's own tools, on two tiny pages a JDK server serves: axe-core finds a known
 * violation and passes a clean page, each look is shot at 320 px and 1280 px, switching JavaScript
 * off really stops the page's scripts (and axe still runs), the keyboard alone fills and sends a
 * form, a virtual passkey authenticator registers a credential, and the mail listing is read.
 * No platform: this runs before the portal exists.
 */
class HarnessIT {

    static HttpServer server;
    static String site;

    static final String GOOD = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>A good page</title></head>
            <body><main>
            <h1>A good page</h1>
            <p id="script-state">JavaScript is off</p>
            <form action="/done" method="get">
              <label for="name">Your name</label>
              <input id="name" name="name" type="text">
              <fieldset><legend>How</legend>
                <input type="radio" id="how-gave" name="how" value="GAVE"><label for="how-gave">I gave time</label>
                <input type="radio" id="how-received" name="how" value="RECEIVED"><label for="how-received">I received time</label>
              </fieldset>
              <button id="send" type="submit">Send</button>
            </form>
            </main>
            <script>document.getElementById('script-state').textContent = 'JavaScript is on';</script>
            </body></html>
            """;

    /** No language, an image without words, a field without a label: serious and critical for axe. */
    static final String BAD = """
            <!doctype html>
            <html><head><title>A bad page</title></head>
            <body><main><h1>A bad page</h1><img src="/nothing.png"><input type="text" name="unlabelled"></main></body></html>
            """;

    static final String MAIL = """
            2 e-mail(s) sent by Reciprocity since the platform started

            ==== To: ruth@example.org
            Subject: You are invited to Reciprocity
            Date: Tue Dec 01 04:00:00 UTC 2026

            Hello Ruth,
            Choose how you sign in: http://localhost:9090/welcome/abc-123.
            See you soon.

            ==== To: omar@example.org
            Subject: Your sign-in link
            Date: Tue Dec 01 04:01:00 UTC 2026

            Sign in: http://localhost:9090/login/ott?token=xyz
            """;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good", exchange -> reply(exchange, "text/html", GOOD));
        server.createContext("/bad", exchange -> reply(exchange, "text/html", BAD));
        server.createContext("/done", exchange -> reply(exchange, "text/html",
                "<!doctype html><html lang=\"en\"><head><title>Done</title></head><body><main><h1 id=\"done\">"
                        + exchange.getRequestURI().getRawQuery() + "</h1></main></body></html>"));
        server.createContext("/dev/mail", exchange -> reply(exchange, "text/plain", MAIL));
        server.start();
        // localhost, not 127.0.0.1: WebAuthn needs a valid relying party id and a secure context
        site = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void axeFailsOnASeriousOrCriticalViolationAndNamesItsRuleAndPassesACleanPage() {
        try (Browser browser = Browser.open("harness-axe")) {
            browser.go(site + "/good");
            Axe.check(browser.driver, "good");

            browser.go(site + "/bad");
            List<Rule> violations = Axe.violations(browser.driver);
            assertThat(violations).extracting(Rule::getId).contains("image-alt", "html-has-lang", "label");
            assertThatThrownBy(() -> browser.look("bad")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt").hasMessageContaining("critical").hasMessageContaining("img");
        }
    }

    @Test
    void everyLookIsKeptAsAScreenshotAtPhoneAndDesktopWidths() throws IOException {
        try (Browser browser = Browser.open("harness-screens")) {
            browser.go(site + "/good").look("good");
            browser.go(site + "/done?x=1").look("done");

            Path folder = browser.screens().folder();
            assertThat(folder).isEqualTo(Path.of("target", "screenshots", "harness-screens"));
            assertThat(width(folder.resolve("01-good-320.png"))).isEqualTo(320);
            assertThat(width(folder.resolve("01-good-1280.png"))).isEqualTo(1280);
            assertThat(width(folder.resolve("02-done-320.png"))).isEqualTo(320);
            assertThat(browser.screens().files()).hasSize(4);
            // the browser is back at desktop width after the phone's shot
            assertThat(((Number) ((JavascriptExecutor) browser.driver).executeScript("return window.innerWidth")).intValue())
                    .isEqualTo(1280);
        }
    }

    @Test
    void switchingJavaScriptOffStopsThePagesScriptsYetAxeAndScreenshotsStillRun() {
        try (Browser on = Browser.open("harness-js-on"); Browser off = Browser.withoutJavaScript("harness-js-off")) {
            on.go(site + "/good");
            assertThat(on.text(By.id("script-state"))).isEqualTo("JavaScript is on");

            off.go(site + "/good");
            assertThat(off.text(By.id("script-state"))).isEqualTo("JavaScript is off");
            off.look("good-without-javascript");
            assertThat(off.screens().files()).hasSize(2);
            // axe checks what the browser without JavaScript shows (in a companion browser)
            off.go(site + "/bad");
            assertThatThrownBy(() -> off.look("bad-without-javascript")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt").hasMessageContaining("JavaScript off");
            off.go(site + "/good");
            // forms still work: the browser itself sends them
            off.fill("name", "Ruth").choose("how", "RECEIVED").click(By.id("send"));
            assertThat(off.text(By.id("done"))).isEqualTo("name=Ruth&how=RECEIVED");
        }
    }

    @Test
    void theKeyboardAloneFillsAFormChoosesARadioAndSendsIt() {
        try (Browser browser = Browser.open("harness-keyboard")) {
            browser.go(site + "/good");
            Keyboard keys = browser.keyboard();
            keys.typeInto(By.id("name"), "Omar");
            keys.chooseRadio("how", "RECEIVED");
            keys.enterOn(By.id("send"));
            browser.await(By.id("done"));
            assertThat(browser.text(By.id("done"))).isEqualTo("name=Omar&how=RECEIVED");
            assertThat(keys.path()).isNotEmpty();
        }
    }

    @Test
    void tabbingToSomethingThatCannotTakeTheFocusFailsAndShowsWhereTheFocusWent() {
        try (Browser browser = Browser.open("harness-keyboard-fails")) {
            browser.go(site + "/good");
            assertThatThrownBy(() -> browser.keyboard().tabTo(By.tagName("h1"))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("input#name");
        }
    }

    @Test
    void aVirtualPasskeyAuthenticatorRegistersADiscoverableCredentialForLocalhost() {
        try (Browser browser = Browser.open("harness-passkey")) {
            browser.go(site + "/good");
            assertThat(browser.passkeys().getCredentials()).isEmpty();
            Object made = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    navigator.credentials.create({publicKey: {
                      challenge: new Uint8Array(32), rp: {name: 'Reciprocity', id: 'localhost'},
                      user: {id: new Uint8Array([1, 2, 3]), name: 'ruth@example.org', displayName: 'Ruth'},
                      pubKeyCredParams: [{type: 'public-key', alg: -7}],
                      authenticatorSelection: {residentKey: 'required', userVerification: 'required'}}})
                      .then(c => done(c.type), e => done('refused: ' + e));
                    """);
            assertThat(made).isEqualTo("public-key");
            assertThat(browser.passkeys().getCredentials()).hasSize(1)
                    .allSatisfy(credential -> assertThat(credential.isResidentCredential()).isTrue());
        }
    }

    @Test
    void theMailboxReadsTheLaunchersListingAndFindsEachPersonsLink() {
        Mailbox mailbox = new Mailbox(site + "/dev/mail");
        assertThat(mailbox.all()).hasSize(2);
        assertThat(mailbox.count("ruth@example.org")).isEqualTo(1);
        assertThat(mailbox.awaitLink("ruth@example.org", 0, link -> link.contains("/welcome/"), "an invite"))
                .isEqualTo("http://localhost:9090/welcome/abc-123");
        assertThat(mailbox.awaitNew("omar@example.org", 0, mail -> true, "anything").subject()).isEqualTo("Your sign-in link");
        assertThat(mailbox.to("omar@example.org").get(0).links()).containsExactly("http://localhost:9090/login/ott?token=xyz");
    }

    private static int width(Path png) throws IOException {
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        return image.getWidth();
    }

    private static void reply(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
