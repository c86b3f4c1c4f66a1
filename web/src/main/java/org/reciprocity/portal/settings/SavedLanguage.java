package org.reciprocity.portal.settings;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.reciprocity.portal.signin.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The language a member saved follows them to any device: on the first page of each signed-in session
 * the portal reads their notification preferences once and, when a language is saved there, makes it the
 * page's language (and the browser's language cookie). One call per session, none per page; a language
 * picked in the address ({@code ?lang=}) wins, and when notification-service is away nothing changes.
 */
@Configuration
class SavedLanguage implements WebMvcConfigurer, HandlerInterceptor {

    static final String READ = SavedLanguage.class.getName() + ".read";
    private static final Logger LOG = LoggerFactory.getLogger(SavedLanguage.class);

    private final SettingsServices settings;

    SavedLanguage(SettingsServices settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/live", "/error/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        SignedIn me = SignedIn.current();
        if (session == null || me == null || session.getAttribute(READ) != null) {
            return true;
        }
        session.setAttribute(READ, Boolean.TRUE);
        if (request.getParameter("lang") != null) {
            return true; // chosen on this page: that choice stands for the session
        }
        try {
            String saved = settings.preferences(me.timebankId()).language();
            LocaleResolver locales = RequestContextUtils.getLocaleResolver(request);
            if (saved != null && LanguageController.LANGUAGES.contains(saved) && locales != null) {
                locales.setLocale(request, response, Locale.forLanguageTag(saved));
            }
        } catch (RuntimeException away) {
            LOG.debug("The saved language could not be read for member {}; the page keeps its language", me.memberId(), away);
        }
        return true;
    }
}
