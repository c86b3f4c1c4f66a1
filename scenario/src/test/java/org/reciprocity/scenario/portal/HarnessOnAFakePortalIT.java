package org.reciprocity.scenario.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journey's steps ({@link Person}) on a tiny stand-in of identity-service and the portal that
 * uses the contract's names (fields, ids, addresses) and works without JavaScript: so the suite's
 * own flows (inviting, setting a password, signing in, logging hours in steps with a name search,
 * by mouse and by keyboard alone, confirming, the statement, spending, signing out, the e-mailed
 * link) are known to work before the real portal exists. Not a test of the portal.
 */
class HarnessOnAFakePortalIT {

    static HttpServer identityServer;
    static HttpServer webServer;
    static Portal fake;
    static final List<String> MAILS = new ArrayList<>();
    static final List<String> LOGGED = new ArrayList<>();
    static volatile boolean confirmed;

    @BeforeAll
    static void serve() throws IOException {
        identityServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String identity = "http://localhost:" + identityServer.getAddress().getPort();
        String web = "http://localhost:" + webServer.getAddress().getPort();
        identityServer.createContext("/", exchange -> identity(exchange, identity, web));
        webServer.createContext("/", exchange -> web(exchange, identity, web));
        identityServer.start();
        webServer.start();
        fake = new Portal(web, identity, new Mailbox(identity + "/dev/mail"));
    }

    @AfterAll
    static void stop() {
        identityServer.stop(0);
        webServer.stop(0);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void theJourneysStepsWorkOnAStandInThatUsesTheContractsNames(boolean javaScript) {
        Screens screens = new Screens("harness-fake-portal-" + (javaScript ? "js" : "no-js"));
        confirmed = false;
        try (Person admin = new Person(fake, Browser.open(screens, javaScript), "admin")) {
            admin.account = new Portal.Account("Admin", "admin", "demo", "admin@localhost", "right one");
            admin.signIn();
            String link = admin.invite("Omar Baker", "en");
            assertThat(link).startsWith(fake.identity + "/welcome/");

            try (Person omar = new Person(fake, Browser.open(screens, javaScript), "omar")) {
                omar.setUpPassword(link, new Portal.Account("Omar Baker", "omar", "demo", "omar.baker@example.org", "right one"));
                String contribution = omar.logHours("GAVE", "Ruth Abbot", 2, 0, "A walk");
                assertThat(contribution).isEqualTo(fake.web + "/contributions/c1");
                assertThat(LOGGED.get(LOGGED.size() - 1)).contains("direction=GAVE", "counterpart=ruth", "hours=2", "minutes=0",
                        "kind=PEER_SUPPORT", "description=A+walk", "date-year=");
                assertThat(omar.confirmWaiting("Thank you")).isEqualTo(contribution);
                assertThat(confirmed).isTrue();
                assertThat(omar.statement()).contains("2 h");
                omar.spend("cafe", "Riverside Cafe", 1, 0);
                omar.signOut();
                omar.signInByEmailedLink();
                omar.logHoursByKeyboard("RECEIVED", "Ruth Abbot", 0, 30, "Tea");
                assertThat(LOGGED.get(LOGGED.size() - 1)).contains("direction=RECEIVED", "counterpart=ruth", "minutes=30",
                        "description=Tea");
            }
        }
        assertThat(screens.files()).isNotEmpty().allSatisfy(file -> assertThat(file).exists());
    }

    // ---- the stand-in

    private static void identity(HttpExchange exchange, String identity, String web) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = form(exchange);
        boolean post = exchange.getRequestMethod().equals("POST");
        if (path.equals("/dev/mail")) {
            reply(exchange, 200, "text/plain", MAILS.size() + " e-mail(s)\n" + String.join("", MAILS));
        } else if (path.startsWith("/welcome/") && !post) {
            page(exchange, "Set up how you sign in", "<form method=\"post\"><fieldset class=\"govuk-fieldset\"><legend>How</legend>"
                    + radio("method", "password", "A password") + radio("method", "passkey", "A passkey") + "</fieldset>"
                    + field("password", "Password") + field("confirm-password", "Password again")
                    + "<button id=\"set-up\" type=\"submit\">Set up</button></form>");
        } else if (path.startsWith("/welcome/")) {
            redirect(exchange, web + "/", "FAKE=1; Path=/");
        } else if (path.equals("/login") && !post) {
            page(exchange, "Sign in", "<form method=\"post\" action=\"/login\">" + field("username", "E-mail")
                    + field("password", "Password") + "<button id=\"sign-in\" type=\"submit\">Sign in</button></form>"
                    + "<p><a id=\"email-me-a-link\" href=\"/login/link\">E-mail me a sign-in link</a></p>");
        } else if (path.equals("/login")) {
            redirect(exchange, "right one".equals(form.get("password")) ? web + "/" : identity + "/login?error",
                    "right one".equals(form.get("password")) ? "FAKE=1; Path=/" : null);
        } else if (path.equals("/login/link") && !post) {
            page(exchange, "Get a link", "<form method=\"post\">" + field("username", "E-mail")
                    + "<button id=\"send-link\" type=\"submit\">Send</button></form>");
        } else if (path.equals("/login/link")) {
            mail(form.get("username"), "Your sign-in link", identity + "/login/ott?token=t1");
            page(exchange, "Check your e-mail", "<p>We sent you a link.</p>");
        } else if (path.equals("/login/ott") && !post) {
            page(exchange, "Sign in", "<form method=\"post\"><button type=\"submit\">Sign in</button></form>");
        } else if (path.equals("/login/ott")) {
            redirect(exchange, web + "/", "FAKE=1; Path=/");
        } else {
            reply(exchange, 404, "text/plain", "not here");
        }
    }

    private static void web(HttpExchange exchange, String identity, String web) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        Map<String, String> form = form(exchange);
        boolean post = exchange.getRequestMethod().equals("POST");
        if (cookie == null || !cookie.contains("FAKE=1")) {
            redirect(exchange, identity + "/login", null);
            return;
        }
        String signOut = "<form method=\"post\" action=\"/sign-out\"><button type=\"submit\">Sign out</button></form>";
        switch (path) {
            case "/" -> page(exchange, "Home", "<nav><a href=\"/hours/new\">Log hours</a></nav>" + signOut
                    + "<p id=\"balance\">2 h</p><div id=\"waiting\">" + (LOGGED.isEmpty() || confirmed ? ""
                    : "<a href=\"/contributions/c1\">Confirm 2 h</a>") + "</div><div id=\"thank-yous\"></div><div id=\"live\"></div>");
            case "/sign-out" -> redirect(exchange, identity + "/login", "FAKE=; Path=/; Max-Age=0");
            case "/coordinator/invite" -> {
                if (post) {
                    mail(form.get("email"), "You are invited", identity + "/welcome/w1");
                    page(exchange, "Invited", "<p id=\"invited\">Invited.</p>");
                } else {
                    page(exchange, "Invite", "<form method=\"post\">" + field("name", "Name") + field("email", "E-mail")
                            + "<fieldset><legend>Kind</legend>" + radio("kind", "NEIGHBOUR", "Neighbour") + "</fieldset>"
                            + "<fieldset><legend>Language</legend>" + radio("language", "en", "English")
                            + radio("language", "fr", "French") + "</fieldset><button id=\"invite\" type=\"submit\">Invite</button></form>");
                }
            }
            case "/hours/new" -> {
                if (post && form.containsKey("counterpart") && form.containsKey("hours")) {
                    LOGGED.add(exchange.getAttribute("body").toString());
                    redirect(exchange, web + "/hours/logged", null);
                } else if (post && form.containsKey("counterpart")) {
                    // a second step: when and how long
                    page(exchange, "Log hours: when", "<form method=\"post\">" + hidden(form) + dateInput()
                            + field("hours", "Hours") + field("minutes", "Minutes") + "<fieldset><legend>Kind</legend>"
                            + radio("kind", "PEER_SUPPORT", "Peer support") + "</fieldset>" + field("description", "What happened")
                            + "<button id=\"log-hours\" type=\"submit\">Log hours</button></form>");
                } else {
                    String search = form.getOrDefault("counterpart-search", "");
                    String results = search.isBlank() ? "" : "<fieldset><legend>Who</legend>"
                            + radio("counterpart", "ruth", "Ruth Abbot") + "</fieldset>";
                    page(exchange, "Log hours", "<form method=\"post\"><fieldset><legend>Gave or received</legend>"
                            + radio("direction", "GAVE", "I gave time", "GAVE".equals(form.get("direction")))
                            + radio("direction", "RECEIVED", "I received time", "RECEIVED".equals(form.get("direction")))
                            + "</fieldset><label for=\"counterpart-search\">Who with</label><input id=\"counterpart-search\""
                            + " name=\"counterpart-search\" type=\"search\" value=\"" + search + "\">" + results
                            + "<button class=\"govuk-button\" type=\"submit\">Continue</button></form>");
                }
            }
            case "/hours/logged" -> page(exchange, "Logged", "<div id=\"logged\"><a href=\"/contributions/c1\">What you logged</a></div>");
            case "/contributions/c1" -> {
                if (post) {
                    confirmed = true;
                    redirect(exchange, web + "/contributions/c1?confirmed", null);
                } else {
                    page(exchange, "2 h with Ruth", "<form method=\"post\"><label for=\"note\">A note</label><textarea id=\"note\""
                            + " name=\"note\"></textarea><button id=\"confirm\" type=\"submit\">Confirm</button></form>");
                }
            }
            case "/statement" -> page(exchange, "Statement", "<table id=\"statement-table\"><caption>Transfers</caption>"
                    + "<tr><th>With</th><th>Time</th></tr><tr><td>Ruth Abbot</td><td>2 h</td></tr></table>"
                    + figure("balance-chart") + figure("monthly-chart") + "<a id=\"download-csv\" href=\"/statement.csv\">CSV</a>");
            case "/spend" -> {
                if (post) {
                    assertThat(form).containsEntry("organisation", "cafe").containsEntry("hours", "1");
                    redirect(exchange, web + "/spend?done", null);
                } else {
                    page(exchange, "Spend", "<form method=\"post\"><fieldset><legend>Where</legend>"
                            + radio("organisation", "cafe", "Riverside Cafe") + "</fieldset>" + field("hours", "Hours")
                            + field("minutes", "Minutes") + "<button id=\"spend\" type=\"submit\">Spend</button></form>");
                }
            }
            default -> reply(exchange, 404, "text/plain", "not here");
        }
    }

    private static String figure(String id) {
        return "<figure id=\"" + id + "\"><svg role=\"img\" aria-label=\"chart\" width=\"10\" height=\"10\"></svg>"
                + "<table><caption>As a table</caption><tr><th>Month</th></tr></table></figure>";
    }

    private static String dateInput() {
        return "<fieldset><legend>When</legend>" + field("date-day", "Day") + field("date-month", "Month")
                + field("date-year", "Year") + "</fieldset>";
    }

    private static String hidden(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(v).append("\">"));
        return out.toString();
    }

    private static String radio(String name, String value, String label) {
        return radio(name, value, label, false);
    }

    private static String radio(String name, String value, String label, boolean checked) {
        String id = name + "-" + value;
        return "<div><input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\"" + value + "\"" + (checked ? " checked" : "")
                + "><label for=\"" + id + "\">" + label + "</label></div>";
    }

    private static String field(String name, String label) {
        return "<div><label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\"" + name + "\" type=\""
                + (name.contains("password") ? "password" : "text") + "\"></div>";
    }

    private static void mail(String to, String subject, String link) {
        MAILS.add("\n==== To: " + to + "\nSubject: " + subject + "\nDate: today\n\nOpen " + link + " to go on.\n");
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.setAttribute("body", body);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void page(HttpExchange exchange, String title, String main) throws IOException {
        reply(exchange, 200, "text/html", "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><style>input, button, a { display: block; min-height: 44px; min-width: 44px; margin: 8px 0; }</style></head><body><main><h1>" + title + "</h1>" + main + "</main></body></html>");
    }

    private static void redirect(HttpExchange exchange, String to, String cookie) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        if (cookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie);
        }
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
