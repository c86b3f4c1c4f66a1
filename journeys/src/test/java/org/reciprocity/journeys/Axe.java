package org.reciprocity.journeys;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page the browser shows: a {@code serious} or {@code critical} violation fails,
 * with each rule's id, the nodes it found and where to read how to fix it. Minor and moderate
 * findings are printed, not failed (the bar names serious and critical).
 */
final class Axe {

    static final Set<String> FAILING = Set.of("serious", "critical");

    private Axe() {
    }

    /** The violations axe finds on the current page (WCAG 2.x A and AA, and best practice). */
    static List<Rule> violations(WebDriver driver) {
        // legacy mode: axe.run in the page itself. The default (runPartial, then finishRun) opens an about:blank
        // window for every check and injects axe's 550 kB a second time there; the portal's pages have no frames,
        // for which alone the two differ (docs/benchmarks.md, "Build time (session 12)")
        // Only the violations are read, so only they are reported in full. Otherwise axe makes a unique selector
        // for every node of every passed and inapplicable rule too (its slowest step on a long page, axe-core's
        // API documentation, resultTypes) and sends them all back; the other types keep one node each.
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder()
                .setLegacyMode(true)
                .withOptions(options)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe could not run on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations();
    }

    /**
     * The violations on a page shown with JavaScript switched off. axe cannot run there (it is
     * asynchronous, and the page's timers and promises do not run), so the page as that browser
     * rendered it (its DOM, its {@code <noscript>} parts shown, no scripts) is written into a
     * companion browser, with a {@code <base>} so its styles load, and axe runs on that.
     */
    static List<Rule> violationsWithoutJavaScript(WebDriver page, WebDriver companion) {
        String html = page.getPageSource()
                .replaceAll("(?is)<script\\b[^>]*>.*?</script>", "")
                .replaceAll("(?i)<noscript\\b", "<div data-was-noscript")
                .replaceAll("(?i)</noscript>", "</div>")
                .replaceFirst("(?i)(<head\\b[^>]*>)", "$1" + java.util.regex.Matcher.quoteReplacement(
                        "<base href=\"" + page.getCurrentUrl().replace("\"", "%22") + "\">"));
        // a page of the same origin, not about:blank (from a page of no address Chrome loads nothing from
        // localhost), and one anyone may fetch (a page behind sign-in would redirect to identity-service,
        // whose content security policy then refuses the portal's styles): the copy keeps its styles
        companion.get(java.net.URI.create(page.getCurrentUrl()).resolve("/favicon.ico").toString());
        JavascriptExecutor js = (JavascriptExecutor) companion;
        js.executeScript("document.open(); document.write(arguments[0]); document.close();", html);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && !Boolean.TRUE.equals(js.executeScript(
                "return document.readyState === 'complete' && Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
                        + ".every(l => l.sheet !== null);"))) {
            Mailbox.pause(100);
        }
        return violations(companion);
    }

    /** Fails on a serious or critical violation on the current page, saying which and where. */
    static void check(WebDriver driver, String page) {
        check(driver, page, violations(driver));
    }

    /** The same for a page shown with JavaScript off (see {@link #violationsWithoutJavaScript}). */
    static void checkWithoutJavaScript(WebDriver driver, WebDriver companion, String page) {
        check(driver, page + " (JavaScript off)", violationsWithoutJavaScript(driver, companion));
    }

    private static void check(WebDriver driver, String page, List<Rule> violations) {
        List<Rule> failing = violations.stream().filter(r -> FAILING.contains(r.getImpact())).toList();
        List<Rule> others = violations.stream().filter(r -> !FAILING.contains(r.getImpact())).toList();
        if (!others.isEmpty()) {
            System.out.println("[axe] " + page + " (" + driver.getCurrentUrl() + "), not failing: " + describe(others));
        }
        if (!failing.isEmpty()) {
            throw new AssertionError("axe: serious or critical accessibility violations on " + page + " ("
                    + driver.getCurrentUrl() + "):" + describe(failing));
        }
    }

    static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "\n  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " ("
                + rule.getHelpUrl() + ")" + rule.getNodes().stream()
                        .map(node -> "\n      " + node.getTarget() + " " + abbreviate(node.getHtml())
                                + (node.getFailureSummary() == null ? "" : "\n        " + node.getFailureSummary().replace("\n", " ")))
                        .collect(Collectors.joining()))
                .collect(Collectors.joining());
    }

    private static String abbreviate(String html) {
        return html == null ? "" : html.length() > 160 ? html.substring(0, 157) + "..." : html;
    }
}
