package org.reciprocity.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * One person's headless Chromium (Debian's, with its chromedriver, both at {@code /usr/bin}; see
 * {@code scripts/ensure-chromium.sh}), with its own profile and so its own cookies. {@link #look}
 * is called on every page a test reaches: axe-core checks each distinct page state and it is shot, at
 * 320 px and 1280 px the first time the test shows that state.
 * A browser may have its JavaScript switched off (the content setting a person would use), and may
 * carry a virtual passkey authenticator.
 */
final class Browser implements AutoCloseable {

    static final int PHONE = 320;
    static final int DESKTOP = 1280;
    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * How often a wait looks again. WebDriverWait's default, 500 ms, is paid after nearly every button
     * pressed (the old page is rarely gone at the first look), hundreds of times a suite; a look is one
     * small WebDriver command, so looking five times as often costs next to nothing.
     */
    static final Duration POLL = Duration.ofMillis(100);

    final ChromeDriver driver;
    final boolean javaScript;
    private final Screens screens;
    private final Path profile;
    private int width = DESKTOP;
    private VirtualAuthenticator authenticator;

    private Browser(ChromeDriver driver, boolean javaScript, Screens screens, Path profile) {
        this.driver = driver;
        this.javaScript = javaScript;
        this.screens = screens;
        this.profile = profile;
    }

    /** A browser at desktop width whose screenshots go to {@code target/screenshots/<test>/}. */
    static Browser open(String test) {
        return open(test, true);
    }

    /** The same, with the page's JavaScript switched off as a person can switch it off. */
    static Browser withoutJavaScript(String test) {
        return open(test, false);
    }

    static Browser open(String test, boolean javaScript) {
        return open(new Screens(test), javaScript);
    }

    /** Several browsers (one per person) of one test share its screenshot folder and numbering. */
    private static ChromeDriver companion;

    /**
     * One browser with JavaScript for the whole test JVM, in which axe checks the pages the
     * browsers without JavaScript show (axe cannot run in them).
     */
    static synchronized ChromeDriver companion() {
        if (companion == null) {
            Browser browser = open(new Screens("axe-companion"), true);
            companion = browser.driver;
            Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "axe-companion-stop"));
        }
        return companion;
    }

    static Browser open(Screens screens, boolean javaScript) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("s5-e2e-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=" + DESKTOP + ",900", "--user-data-dir=" + profile, "--lang=en-GB");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriver driver = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Browser browser = new Browser(driver, javaScript, screens, profile);
        Screens.metrics(driver, DESKTOP, 900);
        return browser;
    }

    Screens screens() {
        return screens;
    }

    /** Works at a phone's width (320 px) from now on, as a person on a cheap phone would. */
    Browser onPhone() {
        width = PHONE;
        Screens.metrics(driver, PHONE, 900);
        return this;
    }

    // ---- pages

    Browser go(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Page states (see {@link PageState}) axe-core found no serious or critical violation in, in this test JVM.
     * Only added to after a check passed, so a page that failed is checked again wherever it is shown.
     */
    private static final Map<String, String> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();
    /** {@code -Djourneys.axe.everyLook=true}: axe on every look and both widths every time, as before session 12. */
    static final boolean EVERY_LOOK = Boolean.getBoolean("journeys.axe.everyLook");

    /**
     * axe-core finds no serious or critical violation here, and the page is shot. axe runs once per distinct
     * page state in the test JVM (its shape, language, JavaScript setting and working width: {@link PageState}),
     * not again when a test comes back to the same page with other data; the shot is at both widths the first
     * time this test shows that state, and at the width the person works at after that (the phone's width
     * was read, reflow and all, the first time), so every look still leaves a numbered screenshot.
     */
    Browser look(String page) {
        long start = System.nanoTime();
        String state = PageState.of(driver, javaScript, width);
        String checkedAs = CHECKED.get(state);
        boolean check = EVERY_LOOK || checkedAs == null;
        if (check) {
            if (javaScript) {
                Axe.check(driver, page);
            } else {
                ChromeDriver axe = companion();
                // one companion for the JVM, and the suite may run two test classes at a time (-Djourneys.parallel): one page at a time in it
                synchronized (axe) {
                    Axe.checkWithoutJavaScript(driver, axe, page);
                }
            }
            CHECKED.putIfAbsent(state, page);
        } else {
            System.out.println("[axe] " + page + ": the same page state as " + checkedAs + ", checked already (" + state + ")");
        }
        long axed = System.nanoTime();
        int shots = screens.shoot(driver, page, width, EVERY_LOOK || screens.firstTime(state)).size();
        Costs.add(screens.folder().getFileName().toString(), check, axed - start, !check, shots, System.nanoTime() - axed);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    /** The page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String text(By by) {
        return find(by).getText();
    }

    String html() {
        return driver.getPageSource();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits (up to 30 s: the machine is slow) until the element is there, and returns it. */
    WebElement await(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        }, "waiting for " + by + " on " + driver.getCurrentUrl());
    }

    <T> T until(Function<WebDriver, T> condition, String what) {
        return until(condition, what, POLL);
    }

    /**
     * The same for a condition that loads a page each time it looks (a reload, a search sent): it waits
     * for the services, not the browser, so it looks every 500 ms as before rather than load pages five
     * times as often.
     */
    <T> T untilReloading(Function<WebDriver, T> condition, String what) {
        return until(condition, what, Duration.ofMillis(500));
    }

    private <T> T until(Function<WebDriver, T> condition, String what, Duration poll) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT, poll);
        wait.withMessage(() -> what + "\n--- page text:\n" + safeText());
        return wait.until(condition::apply);
    }

    /** Waits until the browser is on a page of this site ({@code http://host:port}). */
    void awaitSite(String site) {
        awaitUrl(site + "/");
    }

    boolean onSite(String site) {
        return url().startsWith(site + "/");
    }

    /** Waits until the browser is on a page whose address starts with {@code prefix}. */
    void awaitUrl(String prefix) {
        until(d -> d.getCurrentUrl().startsWith(prefix) ? Boolean.TRUE : null, "waiting to reach " + prefix
                + ", at " + driver.getCurrentUrl());
    }

    private String safeText() {
        try {
            String text = text();
            return text.length() > 3000 ? text.substring(0, 3000) : text;
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    // ---- forms

    /** Types into the field named {@code name} (or with that id), replacing what was there. */
    Browser fill(String name, String value) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Picks {@code value} of the choice {@code name}, whether the page shows it as radios or a list. */
    Browser choose(String name, String value) {
        List<WebElement> radios = driver.findElements(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!radios.isEmpty()) {
            WebElement radio = radios.get(0);
            if (!radio.isSelected()) {
                // GOV.UK radios hide the input under a styled label: clicking the label is what a person does
                List<WebElement> labels = driver.findElements(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
                (labels.isEmpty() ? radio : labels.get(0)).click();
            }
            return this;
        }
        new Select(field(name)).selectByValue(value);
        return this;
    }

    /** Picks the first choice offered for {@code name} (radios or a list), returning its value. */
    String chooseFirst(String name) {
        List<WebElement> radios = driver.findElements(By.cssSelector("input[type='radio'][name='" + name + "']"));
        if (!radios.isEmpty()) {
            String value = radios.get(0).getAttribute("value");
            choose(name, value);
            return value;
        }
        Select select = new Select(field(name));
        WebElement option = select.getOptions().stream().filter(o -> !o.getAttribute("value").isBlank()).findFirst()
                .orElseThrow(() -> new AssertionError("no choice offered for " + name + " on " + url()));
        select.selectByValue(option.getAttribute("value"));
        return option.getAttribute("value");
    }

    /** Picks the choice {@code name} whose words contain {@code text} (radios by their label, or a list's option). */
    Browser chooseLabelled(String name, String text) {
        for (WebElement radio : driver.findElements(By.cssSelector("input[name='" + name + "']"))) {
            List<WebElement> labels = driver.findElements(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
            if (!labels.isEmpty() && labels.get(0).getText().contains(text)) {
                labels.get(0).click();
                return this;
            }
        }
        Select select = new Select(field(name));
        WebElement option = select.getOptions().stream().filter(o -> o.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice '" + text + "' for " + name + " on " + url()));
        select.selectByValue(option.getAttribute("value"));
        return this;
    }

    WebElement field(String name) {
        List<WebElement> found = driver.findElements(By.cssSelector("[name='" + name + "']:not([type='hidden'])"));
        if (found.isEmpty()) {
            found = driver.findElements(By.id(name));
        }
        if (found.isEmpty()) {
            throw new AssertionError("no field '" + name + "' on " + url() + "\n" + safeText());
        }
        return found.get(0);
    }

    boolean hasField(String name) {
        return !driver.findElements(By.cssSelector("[name='" + name + "']:not([type='hidden'])")).isEmpty()
                || !driver.findElements(By.id(name)).isEmpty();
    }

    /** Clicks and, when the click leaves the page, waits for the next one to load. */
    Browser click(By by) {
        WebElement element = await(by);
        element.click();
        awaitLoaded();
        return this;
    }

    /**
     * Presses a button that sends a form (or a link that leaves the page) and waits until the page
     * it was on is gone and the next has loaded: reading the old page as if it were the answer
     * would let a failure pass, or a form be sent twice.
     */
    Browser submit(By by) {
        WebElement element = await(by);
        element.click();
        awaitGone(element);
        return this;
    }

    /** Waits until this element's page has been replaced (or the element removed), then for the load. */
    void awaitGone(WebElement element) {
        until(d -> {
            try {
                element.isEnabled();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return Boolean.TRUE;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium asked about an element while its page is being replaced answers "Node with given
                // id does not belong to the document" instead of "stale": the page is going, which is
                // what we wait for (a fresh-clone verify failed PortalSecurityIT on it once)
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return Boolean.TRUE;
                }
                throw e;
            }
        }, "waiting to leave the page after pressing " + element);
        awaitLoaded();
    }

    /** Waits until the document has loaded (WebDriver's own scripts run even with the page's switched off). */
    void awaitLoaded() {
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")) ? Boolean.TRUE : null,
                "waiting for the page to load");
    }

    /** A GOV.UK error summary on the page, if any: what the person was told went wrong. */
    String errorSummary() {
        List<WebElement> summary = driver.findElements(By.cssSelector(".govuk-error-summary"));
        return summary.isEmpty() ? null : summary.get(0).getText();
    }

    // ---- session, keyboard, passkeys

    /** The value of a cookie this browser holds for the current host. */
    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        if (cookie == null) {
            throw new AssertionError("no cookie " + name + " at " + url() + "; cookies: " + driver.manage().getCookies());
        }
        return cookie.getValue();
    }

    Keyboard keyboard() {
        return new Keyboard(driver);
    }

    /**
     * A virtual platform authenticator (CTAP2, internal, resident keys, user verification done), as a
     * phone's fingerprint reader would be: WebAuthn registers and signs with it without a person.
     */
    VirtualAuthenticator passkeys() {
        if (authenticator == null) {
            VirtualAuthenticatorOptions options = new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true)
                    .setIsUserConsenting(true);
            authenticator = ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(options);
        }
        return authenticator;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
