package org.reciprocity.portal.settings;

import java.util.List;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How I am told about things: for each kind of message, in my inbox here and by e-mail; quiet hours
 * when no e-mail comes; one e-mail a day instead of one each time (notification-service's preferences).
 */
@Controller
class NotificationsController {

    private final SettingsServices settings;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    NotificationsController(SettingsServices settings, LayoutAdvice layout, MessageSource messages) {
        this.settings = settings;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/profile/notifications")
    String form(Model model) {
        SignedIn me = SignedIn.current();
        NotificationPreferences current = settings.preferences(me.timebankId());
        List<String> kinds = PreferencesForm.kindsFor(me.coordinates());
        model.addAttribute("form", PreferencesForm.of(current, kinds));
        return page(model, current, kinds);
    }

    @PostMapping("/profile/notifications")
    String save(@ModelAttribute("form") PreferencesForm form, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        NotificationPreferences current = settings.preferences(me.timebankId());
        List<String> kinds = PreferencesForm.kindsFor(me.coordinates());
        List<PageError> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList());
            return page(model, current, kinds);
        }
        try {
            settings.save(me.timebankId(), form.applyTo(current, kinds));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, refusal.code() != null
                    && refusal.code().toLowerCase(java.util.Locale.ROOT).contains("quiet") ? "quietStart" : null)));
            return page(model, current, kinds);
        }
        after.addFlashAttribute("done", "notifications");
        return "redirect:/profile/notifications";
    }

    private String page(Model model, NotificationPreferences current, List<String> kinds) {
        model.addAttribute("kinds", kinds);
        model.addAttribute("timeZone", current.timeZone());
        model.addAttribute("email", current.availableChannels().contains("EMAIL"));
        return "settings/notifications";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
