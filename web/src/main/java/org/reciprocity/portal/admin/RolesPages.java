package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.List;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.DirectoryEntry;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find a person by name and give or take back COORDINATOR, STAFF and ADMIN through identity-service.
 * Roles travel in the sign-in's ID token, so a change reaches the person at their next sign-in; the
 * page says so. Identity refuses to leave the timebank without an admin, and the page shows its words.
 */
@Controller
class RolesPages {

    /** The roles an admin gives; MEMBER everyone has. */
    static final List<String> ROLES = List.of("COORDINATOR", "STAFF", "ADMIN");
    private final AdminServices admin;
    private final Services services;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    RolesPages(AdminServices admin, Services services, Names names, LayoutAdvice layout, MessageSource messages) {
        this.messages = messages;
        this.admin = admin;
        this.services = services;
        this.names = names;
        this.layout = layout;
    }

    @GetMapping("/admin/roles")
    String find(@RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("name", name);
        if (name.strip().length() >= 2) {
            List<DirectoryEntry> found;
            try {
                found = services.directory(SignedIn.current().timebankId(), name.strip());
            } catch (ServiceRefusal refusal) {
                if (refusal.status() == 401 || refusal.status() == 403) {
                    throw refusal;
                }
                found = List.of();
            }
            model.addAttribute("results", found == null ? List.of() : found);
        }
        return "admin/roles";
    }

    @GetMapping("/admin/roles/{memberId}")
    String person(@PathVariable String memberId, @RequestParam(defaultValue = "false") boolean saved, Model model) {
        model.addAttribute("saved", saved);
        return page(memberId, null, model);
    }

    @PostMapping("/admin/roles/{memberId}")
    String save(@PathVariable String memberId, @RequestParam(name = "roles", required = false) List<String> roles, Model model) {
        List<String> chosen = new ArrayList<>(List.of("MEMBER"));
        if (roles != null) {
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    model.addAttribute("errors", List.of(new PageError("roles", text("admin.role.error"))));
                    return page(memberId, null, model);
                }
                if (!chosen.contains(role)) {
                    chosen.add(role);
                }
            }
        }
        try {
            admin.setRoles(SignedIn.current().timebankId(), checked(memberId), chosen);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "roles")));
            return page(memberId, chosen, model);
        }
        return "redirect:/admin/roles/" + memberId + "?saved=true";
    }

    /** The person's page: their roles now (or, after a refusal, as the admin chose them). */
    private String page(String memberId, List<String> chosen, Model model) {
        String tb = SignedIn.current().timebankId();
        model.addAttribute("memberId", checked(memberId));
        model.addAttribute("personName", names.name(tb, memberId));
        model.addAttribute("choices", ROLES);
        model.addAttribute("self", memberId.equals(SignedIn.current().memberId()));
        try {
            AdminServices.Account account = admin.account(tb, memberId);
            List<String> roles = account == null || account.roles() == null ? List.of("MEMBER") : account.roles();
            model.addAttribute("roles", roles);
            model.addAttribute("chosen", chosen == null ? roles : chosen);
            model.addAttribute("hasAccount", true);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
            // registered in the ledger but never invited: no sign-in, so no roles to give yet
            model.addAttribute("hasAccount", false);
        }
        return "admin/role";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String checked(String memberId) {
        if (!memberId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new ServiceRefusal(404, "not-found", null);
        }
        return memberId;
    }
}
