package org.reciprocity.portal.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The reader's language: the one they chose here ({@code ?lang=}, kept in a cookie), else the one identity
 * knows for them (the ID token's {@code locale}), else the browser's. English or French only.
 */
public class PortalLocaleResolver implements LocaleResolver {

    static final String COOKIE = "RECIPROCITY_LANG";
    private final boolean secure;

    public PortalLocaleResolver(boolean secure) {
        this.secure = secure;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()) != null) {
                    return supported(cookie.getValue());
                }
            }
        }
        SignedIn me = SignedIn.current();
        if (me != null && supported(me.locale()) != null) {
            return supported(me.locale());
        }
        Locale browser = request.getLocale();
        return browser != null && "fr".equals(browser.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale language = locale == null ? null : supported(locale.getLanguage());
        if (language == null) {
            return;
        }
        request.setAttribute(COOKIE, language);
        Cookie cookie = new Cookie(COOKIE, language.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        String tag = language.toLowerCase(Locale.ROOT);
        return tag.startsWith("fr") ? Locale.FRENCH : tag.startsWith("en") ? Locale.ENGLISH : null;
    }
}
