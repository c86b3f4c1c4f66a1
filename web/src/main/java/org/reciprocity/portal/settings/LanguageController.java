package org.reciprocity.portal.settings;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My language, English or French: saved with my notification preferences, so messages and e-mails use
 * it and it holds on any device I sign in on ({@link SavedLanguage}); this browser switches at once.
 */
@Controller
class LanguageController {

    static final List<String> LANGUAGES = List.of("en", "fr");

    private final SettingsServices settings;
    private final LocaleResolver locales;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    LanguageController(SettingsServices settings, LocaleResolver locales, LayoutAdvice layout, MessageSource messages) {
        this.settings = settings;
        this.locales = locales;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/profile/language")
    String form(Model model) {
        NotificationPreferences current = settings.preferences(SignedIn.current().timebankId());
        model.addAttribute("language", current.language() != null ? current.language()
                : LocaleContextHolder.getLocale().getLanguage());
        return page(model);
    }

    @PostMapping("/profile/language")
    String save(@RequestParam(required = false) String language, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes after) {
        if (language == null || !LANGUAGES.contains(language)) {
            model.addAttribute("errors", List.of(new PageError("language", text("language.error"))));
            return page(model);
        }
        String tb = SignedIn.current().timebankId();
        try {
            settings.save(tb, settings.preferences(tb).withLanguage(language));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("language", language);
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "language")));
            return page(model);
        }
        locales.setLocale(request, response, Locale.forLanguageTag(language));
        after.addFlashAttribute("done", "language");
        return "redirect:/profile/language";
    }

    private String page(Model model) {
        model.addAttribute("languages", LANGUAGES);
        return "settings/language";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
