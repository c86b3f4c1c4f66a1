package org.reciprocity.portal.hours;

import java.util.ArrayList;
import java.util.List;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The steps of logging hours for a member, the same whoever logs them (a coordinator, a supporter the
 * member named): picking and searching post the form back (JavaScript off), then the form's checks.
 * Who may log for whom is the ledger's to decide; its refusal is shown in the reader's words.
 */
@Component
public class ForThemSteps {

    private final Names names;
    private final MemberSearch search;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    ForThemSteps(Names names, MemberSearch search, LayoutAdvice layout, MessageSource messages) {
        this.names = names;
        this.search = search;
        this.layout = layout;
        this.messages = messages;
    }

    /**
     * Takes one step of the form for {@code memberId}; true when it is ready to send to the ledger,
     * false when the page is to be shown again (with results, the person picked, or the problems).
     */
    public boolean ready(String memberId, ForThemForm form, String day, String month, String year, String action,
                         Model model) {
        SignedIn me = SignedIn.current();
        form.date(day, month, year);
        if (action.startsWith("pick:")) {
            form.setCounterpart(action.substring(5));
            form.setCounterpartName(names.name(me.timebankId(), form.getCounterpart()));
            return false;
        }
        if ("search".equals(action)) {
            model.addAttribute("results", search.find(me, form.getName()).stream()
                    .filter(r -> !r.memberId().equals(memberId)).toList());
            return false;
        }
        List<PageError> problems = new ArrayList<>(form.problems());
        if (problems.isEmpty() && form.getCounterpart().equals(memberId)) {
            problems.add(new PageError("counterpart-search", "members.hours.error.themself"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems.stream().map(p -> new PageError(p.field(),
                    messages.getMessage(p.text(), null, LocaleContextHolder.getLocale()))).toList());
            return false;
        }
        return true;
    }

    /** The ledger said no: its words on the page (a 401 signs the person in again). */
    public void refused(ServiceRefusal refusal, Model model) {
        if (refusal.status() == 401) {
            throw refusal;
        }
        model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
    }
}
