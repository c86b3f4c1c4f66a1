package org.reciprocity.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * One person at their own browser, doing what the portal lets them do, in the names fixed by
 * /work/portal-contract.md (field names, button and section ids). Each page reached is looked at
 * ({@link Browser#look}: axe-core, screenshots at both widths).
 */
final class Person implements AutoCloseable {

    final Portal portal;
    final Browser browser;
    final String label;
    Portal.Account account;

    Person(Portal portal, Browser browser, String label) {
        this.portal = portal;
        this.browser = browser;
        this.label = label;
    }

    private Browser look(String page) {
        return browser.look(label + "-" + page);
    }

    // ---- setting up sign-in from an invite

    /** Opens the invite link, chooses a password and sets it up; then signs in with it. */
    void setUpPassword(String link, Portal.Account account) {
        browser.go(link);
        browser.await(By.cssSelector("input[name='method']"));
        look("welcome");
        browser.choose("method", "password");
        browser.fill("password", account.password()).fill("confirm-password", account.password());
        browser.submit(By.id("set-up"));
        assertThat(browser.errorSummary()).as("setting up a password").isNull();
        look("welcome-done");
        this.account = account;
        signIn();
    }

    /**
     * Opens the invite link, chooses a passkey and registers one with the browser's virtual
     * authenticator; then signs in with it.
     */
    void setUpPasskey(String link, Portal.Account account) {
        browser.passkeys();
        browser.go(link);
        browser.await(By.cssSelector("input[name='method']"));
        look("welcome");
        browser.choose("method", "passkey");
        List<WebElement> register = browser.all(By.id("register-passkey"));
        if (register.isEmpty() || !register.get(0).isDisplayed()) {
            browser.submit(By.id("set-up"));
            browser.await(By.id("register-passkey"));
            look("passkey");
        }
        browser.click(By.id("register-passkey"));
        browser.until(d -> browser.passkeys().getCredentials().size() == 1 ? Boolean.TRUE : null,
                "waiting for the passkey to be registered");
        browser.until(d -> browser.all(By.id("register-passkey")).isEmpty() ? Boolean.TRUE : null,
                "waiting to leave the passkey page");
        browser.awaitLoaded();
        assertThat(browser.errorSummary()).as("registering a passkey").isNull();
        look("passkey-done");
        this.account = account;
        signInWithPasskey();
    }

    // ---- signing in and out

    /**
     * Goes to the portal; when it is not signed in there, on to identity's sign-in page (straight
     * away, or from the portal's own page for visitors through its sign-in link).
     */
    void toSignIn() {
        browser.go(portal.web + "/");
        browser.awaitLoaded();
        if (browser.onSite(portal.web) && !browser.has(By.id("balance"))) {
            By signIn = By.cssSelector("a[href*='/oauth2/authorization/'], a[href$='/sign-in'], a#sign-in, main a.govuk-button");
            if (browser.has(signIn) && !browser.has(By.cssSelector("form[action$='/sign-out']"))) {
                look("visitor");
                browser.submit(signIn);
            }
        }
    }

    /** Goes to the portal; on identity's sign-in page, signs in with e-mail and password. Ends on home. */
    void signIn() {
        toSignIn();
        if (browser.onSite(portal.identity)) {
            browser.await(By.id("sign-in"));
            look("sign-in");
            browser.fill("username", account.email()).fill("password", account.password());
            browser.submit(By.id("sign-in"));
        }
        awaitHome();
    }

    /** Tries a password on identity's sign-in page, staying there (for wrong ones). */
    void tryPassword(String password) {
        if (!browser.onSite(portal.identity) || !browser.has(By.id("sign-in"))) {
            toSignIn();
        }
        browser.await(By.id("sign-in"));
        browser.fill("username", account.email()).fill("password", password);
        browser.submit(By.id("sign-in"));
    }

    void signInWithPasskey() {
        toSignIn();
        if (browser.onSite(portal.identity)) {
            browser.await(By.id("sign-in-with-passkey"));
            look("sign-in");
            browser.click(By.id("sign-in-with-passkey"));
        }
        awaitHome();
    }

    /** Asks for a sign-in link by e-mail from identity's sign-in page, opens it and is signed in. */
    void signInByEmailedLink() {
        toSignIn();
        assertThat(browser.url()).as("after signing out, the portal asks who you are again").startsWith(portal.identity + "/");
        look("sign-in-again");
        browser.submit(By.id("email-me-a-link"));
        browser.await(By.id("send-link"));
        look("ask-for-a-link");
        int before = portal.mailbox.count(account.email());
        browser.fill("username", account.email());
        browser.submit(By.id("send-link"));
        look("link-sent");
        String link = portal.mailbox.awaitLink(account.email(), before,
                l -> l.startsWith(portal.identity) && !l.contains("/welcome/"), "a one-time sign-in link");
        browser.go(link);
        browser.awaitLoaded();
        if (browser.onSite(portal.identity)) {
            // Spring Security's one-time-token page asks the person to press "sign in" (a link opened by a mail
            // scanner must not sign anyone in)
            look("one-time-link");
            browser.submit(By.cssSelector("form button[type='submit'], form input[type='submit']"));
        }
        awaitHome();
    }

    void signOut() {
        browser.go(portal.web + "/");
        browser.submit(By.cssSelector("form[action$='/sign-out'] button, form[action$='/sign-out'] input[type='submit']"));
        look("signed-out");
    }

    /** Home once signed in: a member's shows their balance (the admin may be no member of the ledger). */
    void awaitHome() {
        browser.awaitSite(portal.web);
        browser.await(Portal.ADMIN_ID.equals(account.memberId()) ? By.tagName("main") : By.id("balance"));
        look("home");
    }

    // ---- the portal's pages

    /** Invites someone from {@code /coordinator/invite}; returns the link the invite e-mail holds. */
    String invite(String name, String language) {
        browser.go(portal.web + "/coordinator/invite");
        browser.await(By.id("invite"));
        look("invite");
        String email = Portal.emailOf(name);
        int before = portal.mailbox.count(email);
        browser.fill("name", name).fill("email", email);
        if (browser.all(By.cssSelector("[name='kind'][value='NEIGHBOUR'], [name='kind'] option[value='NEIGHBOUR']")).isEmpty()) {
            browser.chooseFirst("kind");
        } else {
            browser.choose("kind", "NEIGHBOUR");
        }
        browser.choose("language", language);
        browser.submit(By.id("invite"));
        browser.await(By.id("invited"));
        assertThat(browser.errorSummary()).as("inviting " + name).isNull();
        look("invited");
        return portal.inviteLink(email, before);
    }

    /**
     * Logs time with someone from {@code /hours/new}: given or received, with whom (found by name),
     * today, how long, the first kind offered, what happened. Returns the contribution's address.
     * The form may come in a few short steps: each page's fields are filled as they come.
     */
    String logHours(String direction, String counterpartName, int hours, int minutes, String description) {
        browser.go(portal.web + "/hours/new");
        return fillAndSendLogHours(new Mouse(), direction, counterpartName, hours, minutes, description);
    }

    /**
     * The same with the keyboard alone, from home: Tab to the link and Enter, then Tab through the
     * form (arrows in radio groups, Space to choose, typing into fields), Enter on the button.
     */
    String logHoursByKeyboard(String direction, String counterpartName, int hours, int minutes, String description) {
        browser.go(portal.web + "/");
        browser.await(By.id("balance"));
        Keyboard keys = browser.keyboard();
        WebElement link = keys.tabTo(By.cssSelector("a[href$='/hours/new']"));
        keys.press(org.openqa.selenium.Keys.ENTER);
        browser.awaitGone(link);
        return fillAndSendLogHours(new KeyboardHands(keys), direction, counterpartName, hours, minutes, description);
    }

    private String fillAndSendLogHours(Hands hands, String direction, String counterpartName, int hours, int minutes,
                                       String description) {
        browser.await(By.cssSelector("[name='direction']"));
        look(hands.name() + "log-hours");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        boolean directionDone = false;
        boolean counterpartDone = false;
        boolean dateDone = false;
        boolean lengthDone = false;
        boolean kindDone = false;
        boolean descriptionDone = false;
        for (int step = 0; step < 8 && !browser.has(By.id("logged")); step++) {
            if (!directionDone && browser.hasField("direction")) {
                hands.choose("direction", direction);
                directionDone = true;
            }
            if (!counterpartDone && browser.has(By.id("counterpart-search"))) {
                pickCounterpart(hands, counterpartName);
                counterpartDone = true;
            }
            if (!dateDone && browser.hasField("date-day")) {
                hands.type("date-day", Integer.toString(today.getDayOfMonth()));
                hands.type("date-month", Integer.toString(today.getMonthValue()));
                hands.type("date-year", Integer.toString(today.getYear()));
                dateDone = true;
            }
            if (!lengthDone && browser.hasField("hours")) {
                hands.type("hours", Integer.toString(hours));
                hands.type("minutes", Integer.toString(minutes));
                lengthDone = true;
            }
            if (!kindDone && browser.hasField("kind")) {
                hands.choose("kind", browser.find(By.cssSelector("[name='kind'][value]:not([value='']), [name='kind'] option[value]:not([value=''])"))
                        .getAttribute("value"));
                kindDone = true;
            }
            if (!descriptionDone && browser.hasField("description")) {
                hands.type("description", description);
                descriptionDone = true;
            }
            hands.submit(browser.has(By.id("log-hours")) ? By.id("log-hours")
                    : By.cssSelector("main form button[type='submit'].govuk-button"));
            assertThat(browser.errorSummary()).as("logging hours").isNull();
            if (!browser.has(By.id("logged"))) {
                look(hands.name() + "log-hours-step-" + (step + 2));
            }
        }
        browser.await(By.id("logged"));
        look(hands.name() + "logged");
        return browser.find(By.cssSelector("#logged a[href*='/contributions/'], a[href*='/contributions/']")).getAttribute("href");
    }

    /**
     * Finds the other member by name: with JavaScript the results come as one types; without, the
     * search is sent (Enter) and the results come on a page. A result is picked by its name.
     */
    private void pickCounterpart(Hands hands, String name) {
        hands.type("counterpart-search", name.split(" ")[0]);
        By result = resultFor(name);
        if (!browser.javaScript || !appears(result)) {
            hands.send("counterpart-search");
            browser.await(result);
            look(hands.name() + "counterpart-results");
        }
        WebElement found = browser.await(result);
        if (found.getTagName().equals("label")) {
            hands.choose(browser.find(By.id(found.getAttribute("for"))).getAttribute("name"),
                    browser.find(By.id(found.getAttribute("for"))).getAttribute("value"));
        } else {
            hands.press(result);
        }
        browser.awaitLoaded();
    }

    static By resultFor(String name) {
        return By.xpath("//main//*[self::button or self::a or self::label][contains(normalize-space(.), '" + name + "')]");
    }

    private boolean appears(By result) {
        long deadline = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (browser.all(result).stream().anyMatch(WebElement::isDisplayed)) {
                return true;
            }
            Mailbox.pause(250);
        }
        return false;
    }

    /** How a person works a form: with the mouse (clicks, typing) or with the keyboard alone. */
    private interface Hands {
        void type(String field, String text);

        void choose(String name, String value);

        /** Presses a button or follows a link that acts on the page (JavaScript may keep the page). */
        void press(By control);

        /** Presses the button that sends the form, and waits for the page that answers. */
        void submit(By button);

        /** Sends the form the field is in, as Enter in it does. */
        void send(String field);

        /** For the screenshots' names. */
        String name();
    }

    private final class Mouse implements Hands {
        @Override
        public void type(String field, String text) {
            browser.fill(field, text);
        }

        @Override
        public void choose(String name, String value) {
            browser.choose(name, value);
        }

        @Override
        public void press(By control) {
            browser.click(control);
        }

        @Override
        public void submit(By button) {
            browser.submit(button);
        }

        @Override
        public void send(String field) {
            browser.field(field).sendKeys(org.openqa.selenium.Keys.ENTER);
        }

        @Override
        public String name() {
            return "";
        }
    }

    private final class KeyboardHands implements Hands {
        private final Keyboard keys;

        KeyboardHands(Keyboard keys) {
            this.keys = keys;
        }

        @Override
        public void type(String field, String text) {
            keys.typeInto(By.cssSelector("[name='" + field + "']:not([type='hidden']), #" + field), text);
        }

        @Override
        public void choose(String name, String value) {
            if (browser.has(By.cssSelector("input[type='radio'][name='" + name + "']"))) {
                keys.chooseRadio(name, value);
            } else {
                // a list: focused, the arrows move through its options
                keys.tabTo(By.cssSelector("select[name='" + name + "']"));
                org.openqa.selenium.support.ui.Select select = new org.openqa.selenium.support.ui.Select(keys.focused());
                for (int i = 0; i < select.getOptions().size()
                        && !value.equals(select.getFirstSelectedOption().getAttribute("value")); i++) {
                    keys.press(org.openqa.selenium.Keys.ARROW_DOWN);
                }
                assertThat(select.getFirstSelectedOption().getAttribute("value")).isEqualTo(value);
            }
        }

        @Override
        public void press(By control) {
            keys.enterOn(control);
            browser.awaitLoaded();
        }

        @Override
        public void submit(By button) {
            WebElement pressed = keys.tabTo(button);
            keys.press(org.openqa.selenium.Keys.ENTER);
            browser.awaitGone(pressed);
        }

        @Override
        public void send(String field) {
            keys.tabTo(By.cssSelector("[name='" + field + "']:not([type='hidden']), #" + field));
            keys.press(org.openqa.selenium.Keys.ENTER);
        }

        @Override
        public String name() {
            return "keyboard-";
        }
    }

    /** From home, opens the first thing waiting to be confirmed and confirms it with a thank-you note. */
    String confirmWaiting(String note) {
        browser.go(portal.web + "/");
        browser.await(By.id("waiting"));
        WebElement item = browser.await(By.cssSelector("#waiting a[href*='/contributions/']"));
        String contribution = item.getAttribute("href");
        item.click();
        browser.awaitGone(item);
        browser.await(By.id("confirm"));
        look("contribution-to-confirm");
        browser.fill("note", note);
        browser.submit(By.id("confirm"));
        assertThat(browser.errorSummary()).as("confirming").isNull();
        look("confirmed");
        return contribution;
    }

    // ---- the same flows with the keyboard alone: Tab to a control, Enter or Space to act, arrows in groups

    /** From the portal's welcome page to identity's sign-in page and home, by keyboard alone. */
    void signInByKeyboard() {
        browser.go(portal.web + "/");
        browser.await(By.id("start-sign-in"));
        Keyboard keys = browser.keyboard();
        WebElement start = keys.tabTo(By.id("start-sign-in"));
        keys.press(org.openqa.selenium.Keys.ENTER);
        browser.awaitGone(start);
        browser.awaitSite(portal.identity);
        browser.await(By.id("sign-in"));
        KeyboardHands hands = new KeyboardHands(browser.keyboard());
        hands.type("username", account.email());
        hands.type("password", account.password());
        hands.submit(By.id("sign-in"));
        awaitHome();
    }

    /** From home, Tab to the first thing waiting, Enter, type a thank-you and Enter on "Yes, confirm". */
    String confirmWaitingByKeyboard(String note) {
        browser.go(portal.web + "/");
        browser.await(By.cssSelector("#waiting a[href*='/contributions/']"));
        Keyboard keys = browser.keyboard();
        WebElement item = keys.tabTo(By.cssSelector("#waiting a[href*='/contributions/']"));
        String contribution = item.getAttribute("href");
        keys.press(org.openqa.selenium.Keys.ENTER);
        browser.awaitGone(item);
        browser.await(By.id("confirm"));
        KeyboardHands hands = new KeyboardHands(browser.keyboard());
        hands.type("note", note);
        hands.submit(By.id("confirm"));
        assertThat(browser.errorSummary()).as("confirming by keyboard").isNull();
        look("keyboard-confirmed");
        return contribution;
    }

    /** From home, the navigation's link to the statement by keyboard; returns the statement table's text. */
    String statementByKeyboard() {
        browser.go(portal.web + "/");
        browser.await(By.id("balance"));
        Keyboard keys = browser.keyboard();
        WebElement link = keys.tabTo(By.cssSelector("a[href$='/statement']"));
        keys.press(org.openqa.selenium.Keys.ENTER);
        browser.awaitGone(link);
        browser.await(By.id("statement-table"));
        keys.tabTo(By.id("download-csv"));
        look("keyboard-statement");
        return browser.text(By.id("statement-table"));
    }

    /** Spends time on an organisation's offer from {@code /spend}, by keyboard alone. */
    void spendByKeyboard(String organisationId, int hours, int minutes) {
        browser.go(portal.web + "/spend");
        browser.await(By.id("spend"));
        KeyboardHands hands = new KeyboardHands(browser.keyboard());
        hands.choose("organisation", organisationId);
        hands.type("hours", Integer.toString(hours));
        hands.type("minutes", Integer.toString(minutes));
        hands.submit(By.id("spend"));
        assertThat(browser.errorSummary()).as("spending hours by keyboard").isNull();
        browser.await(By.id("spent"));
        look("keyboard-spent");
    }

    /** Puts a need on the board from {@code /board/mine/new}, by keyboard alone; returns the page it lands on. */
    String publishNeedByKeyboard(String title, String category) {
        browser.go(portal.web + "/board/mine/new");
        browser.await(By.id("save-listing"));
        KeyboardHands hands = new KeyboardHands(browser.keyboard());
        hands.choose("kind", "NEED");
        hands.type("title", title);
        hands.type("description", "Someone to walk with on Sunday mornings");
        hands.choose("category", category);
        hands.type("hours", "1");
        hands.type("minutes", "0");
        hands.choose("mode", "REMOTE");
        java.time.LocalDate until = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(30);
        hands.type("expiresDay", Integer.toString(until.getDayOfMonth()));
        hands.type("expiresMonth", Integer.toString(until.getMonthValue()));
        hands.type("expiresYear", Integer.toString(until.getYear()));
        hands.submit(By.id("save-listing"));
        assertThat(browser.errorSummary()).as("putting a need on the board by keyboard").isNull();
        look("keyboard-published");
        return browser.driver.getCurrentUrl();
    }

    /** Marks the page so that a later check can tell it was never reloaded. */
    void markPage() {
        ((JavascriptExecutor) browser.driver).executeScript("window.__notReloaded = 'still the same page';");
    }

    boolean pageNeverReloaded() {
        return "still the same page".equals(((JavascriptExecutor) browser.driver).executeScript("return window.__notReloaded;"));
    }

    /** The statement: its table's text (asserting the two charts with their tables are there). */
    String statement() {
        browser.go(portal.web + "/statement");
        browser.await(By.id("statement-table"));
        look("statement");
        for (String chart : List.of("balance-chart", "monthly-chart")) {
            WebElement figure = browser.find(By.xpath("//*[@id='" + chart + "']/ancestor-or-self::figure"));
            assertThat(figure.findElements(By.cssSelector("svg"))).as(chart + "'s picture (SVG)").isNotEmpty();
            assertThat(figure.findElements(By.cssSelector("table"))).as(chart + "'s table alternative").isNotEmpty();
        }
        assertThat(browser.find(By.id("download-csv")).getAttribute("href")).contains("/statement.csv");
        return browser.text(By.id("statement-table"));
    }

    /** Spends time on an organisation's offer from {@code /spend}. */
    void spend(String organisationId, String organisationName, int hours, int minutes) {
        browser.go(portal.web + "/spend");
        browser.await(By.id("spend"));
        look("spend");
        // a member picks the organisation by its name, as the offer names it
        browser.chooseLabelled("organisation", organisationName);
        assertThat(browser.all(By.cssSelector("[name='organisation']:checked")).get(0).getAttribute("value"))
                .as("the organisation chosen by its name").isEqualTo(organisationId);
        browser.fill("hours", Integer.toString(hours)).fill("minutes", Integer.toString(minutes));
        if (browser.hasField("offer")) {
            browser.fill("offer", "Lunch at the cafe");
        }
        browser.submit(By.id("spend"));
        assertThat(browser.errorSummary()).as("spending hours").isNull();
        look("spent");
    }

    String home() {
        browser.go(portal.web + "/");
        browser.await(By.id("balance"));
        look("home");
        return browser.text();
    }

    @Override
    public void close() {
        browser.close();
    }
}
