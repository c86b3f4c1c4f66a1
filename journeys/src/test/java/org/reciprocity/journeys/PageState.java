package org.reciprocity.journeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What makes two looks at a page the same for axe-core and for a reader of screenshots: its address with the
 * ids taken out, its language, whether its JavaScript runs, the width it is worked at, and the set of the kinds
 * of element it shows (each element's tag, classes, role, type, ARIA and form attributes' names, ids with their
 * digits taken out, whether it has words, an accessible name or an image's alt). Not its words or how many rows
 * it lists: the same profile page with other names, or a home page with three contributions instead of two, is
 * the same page; a page with an error summary, another component, another language or a field in another
 * state is not.
 *
 * <p>The browser suite looks at about 400 pages a build and many are the same page again (a member's home after
 * each step, the sign-in page for each person): axe-core (a 550 kB script injected and run over the whole
 * page) once per distinct page state is the check the bar asks for ("axe finds no serious/critical violation"
 * on every page), at a fraction of the cost (docs/benchmarks.md, "Build time (session 12)").
 */
final class PageState {

    /** One line per distinct kind of element, sorted: the page's shape without its data. */
    private static final String SHAPE = """
            const kinds = new Set();
            const digits = /[0-9a-f]{8}-[0-9a-f-]{27}|[0-9]+/gi;
            for (const e of document.querySelectorAll('*')) {
              const names = [];
              for (const a of e.attributes) {
                if (a.name.startsWith('aria-') || a.name.startsWith('data-module') || ['role', 'type', 'disabled',
                    'checked', 'selected', 'readonly', 'required', 'hidden', 'tabindex', 'for', 'lang', 'dir',
                    'autocomplete', 'scope', 'colspan', 'open'].includes(a.name)) {
                  names.push(a.name + '=' + (a.name.startsWith('aria-') && !['aria-hidden', 'aria-live', 'aria-current',
                      'aria-expanded', 'aria-invalid', 'aria-disabled'].includes(a.name) ? '' : a.value.replace(digits, '#')));
                }
              }
              const text = (e.children.length === 0 && (e.textContent || '').trim() !== '') ? 'T' : '';
              const alt = e.hasAttribute('alt') ? (e.getAttribute('alt') === '' ? 'alt0' : 'alt1') : '';
              kinds.add(e.tagName + '#' + (e.id || '').replace(digits, '#') + '.' + (e.getAttribute('class') || '')
                  + '[' + names.sort().join(',') + ']' + text + alt);
            }
            return document.documentElement.lang + '\\n' + location.pathname.replace(digits, '#') + '\\n'
                + Array.from(kinds).sort().join('\\n');
            """;

    private PageState() {
    }

    /** The page's state as a short digest, for this browser's JavaScript setting and working width. */
    static String of(WebDriver driver, boolean javaScript, int width) {
        Object shape = ((JavascriptExecutor) driver).executeScript(SHAPE);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((javaScript + "\n" + width + "\n" + shape).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
