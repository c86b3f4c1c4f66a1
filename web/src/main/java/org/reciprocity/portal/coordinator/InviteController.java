package org.reciprocity.portal.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.Member;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A coordinator invites a member: the ledger registers them, then identity-service e-mails them a link
 * to set up how they sign in. If the e-mail step fails, the page keeps the new member's id, so trying
 * again only re-sends the invitation (identity treats it as the same one) instead of registering twice.
 */
@Controller
class InviteController {

    static final List<String> KINDS = List.of("SERVICE_USER", "CARER", "NEIGHBOUR", "STAFF");
    private final Services services;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    InviteController(Services services, LayoutAdvice layout, MessageSource messages) {
        this.services = services;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/invite")
    String form(Model model) {
        model.addAllAttributes(Map.of("requestId", UUID.randomUUID().toString(), "kinds", KINDS, "language",
                LocaleContextHolder.getLocale().getLanguage()));
        return "coordinator/invite";
    }

    @PostMapping("/coordinator/invite")
    String invite(@RequestParam(defaultValue = "") String requestId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String memberId,
                  Model model) {
        model.addAllAttributes(Map.of("requestId", requestId, "name", name, "email", email, "kind", kind,
                "language", language, "memberId", memberId, "kinds", KINDS));
        List<PageError> problems = new ArrayList<>();
        if (name.isBlank() || name.length() > 80) {
            problems.add(new PageError("name", text("invite.error.name")));
        }
        if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            problems.add(new PageError("email", text("invite.error.email")));
        }
        if (!KINDS.contains(kind)) {
            problems.add(new PageError("kind", text("invite.error.kind")));
        }
        if (!"en".equals(language) && !"fr".equals(language)) {
            problems.add(new PageError("language", text("invite.error.language")));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            return "coordinator/invite";
        }
        String tb = SignedIn.current().timebankId();
        String id = memberId;
        try {
            if (id.isBlank()) {
                Member member = services.registerMember(tb, requestId, kind, name.strip(), email.strip(), language);
                id = member.id();
                model.addAttribute("memberId", id);
            }
            services.invite(tb, id, email.strip(), language);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return "coordinator/invite";
        }
        model.addAttribute("invitedName", name.strip());
        return "coordinator/invited";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
