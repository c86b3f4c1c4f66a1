package org.reciprocity.portal.supporters;

import java.util.List;
import org.reciprocity.portal.hours.MemberSearch;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My supporters: people I name who may log hours for me and follow my hours, until I withdraw my consent.
 * Found by name as on the log-hours page (with JavaScript off, searching and picking post the form back).
 * "People I support" is not shown: the ledger has no cheap way to read it yet.
 */
@Controller
class SupportersController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final SupporterServices supporters;
    private final MemberSearch search;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    SupportersController(SupporterServices supporters, MemberSearch search, Names names, LayoutAdvice layout,
                         MessageSource messages) {
        this.supporters = supporters;
        this.search = search;
        this.names = names;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/profile/supporters")
    String page(Model model) {
        SignedIn me = SignedIn.current();
        List<Supporter> mine = supporters.supporters(me.timebankId(), me.memberId()).stream()
                .map(id -> new Supporter(id, names.name(me.timebankId(), id))).toList();
        model.addAttribute("supporters", mine);
        return "profile/supporters";
    }

    @PostMapping("/profile/supporters")
    String name(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String counterpart,
                @RequestParam(defaultValue = "") String counterpartName,
                @RequestParam(defaultValue = "name") String action, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        model.addAttribute("name", name);
        if (action.startsWith("pick:")) {
            String picked = action.substring(5);
            model.addAttribute("counterpart", picked);
            model.addAttribute("counterpartName", names.name(me.timebankId(), picked));
            return page(model);
        }
        model.addAttribute("counterpart", counterpart);
        model.addAttribute("counterpartName", counterpartName);
        if ("search".equals(action)) {
            model.addAttribute("results", search.find(me, name));
            return page(model);
        }
        if (!counterpart.matches(ID) || counterpart.equals(me.memberId())) {
            model.addAttribute("errors", List.of(new PageError("counterpart-search", text(
                    counterpart.equals(me.memberId()) ? "supporters.error.yourself" : "supporters.error.choose"))));
            return page(model);
        }
        try {
            supporters.name(me.timebankId(), me.memberId(), counterpart);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "counterpart-search")));
            return page(model);
        }
        after.addFlashAttribute("done", "named");
        after.addFlashAttribute("doneName", names.name(me.timebankId(), counterpart));
        return "redirect:/profile/supporters";
    }

    @PostMapping("/profile/supporters/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String supporterId, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        if (supporterId.matches(ID)) {
            supporters.withdraw(me.timebankId(), me.memberId(), supporterId);
            after.addFlashAttribute("done", "withdrawn");
            after.addFlashAttribute("doneName", names.name(me.timebankId(), supporterId));
        }
        return "redirect:/profile/supporters";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** A supporter as the page shows them: the id to withdraw by, the name to read. */
    record Supporter(String id, String name) {
    }
}
