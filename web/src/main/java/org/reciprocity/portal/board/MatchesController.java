package org.reciprocity.portal.board;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My matches: proposals waiting for my answer (yes or no), those waiting for the other person, and the
 * ones we agreed. The other person is named as any member may see them ({@link Names}).
 */
@Controller
class MatchesController {

    static final Set<String> DONE = Set.of("proposed", "accept", "decline", "cancel");

    private final BoardServices board;
    private final Names names;
    private final LayoutAdvice layout;

    MatchesController(BoardServices board, Names names, LayoutAdvice layout) {
        this.board = board;
        this.names = names;
        this.layout = layout;
    }

    @GetMapping("/matches")
    String matches(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return show(model);
    }

    @PostMapping("/matches/{id}/{answer:accept|decline|cancel}")
    String answer(@PathVariable String id, @PathVariable String answer, Model model) {
        SignedIn me = SignedIn.current();
        try {
            board.answer(me.timebankId(), id, answer);
            return "redirect:/matches?done=" + answer;
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return show(model);
        }
    }

    private String show(Model model) {
        SignedIn me = SignedIn.current();
        String tb = me.timebankId();
        List<BoardServices.Match> all = board.matches(tb);
        String m = me.memberId();
        model.addAttribute("waiting", all.stream().filter(x -> x.waitsFor(m)).toList());
        model.addAttribute("asked", all.stream().filter(x -> x.waitsForOther(m)).toList());
        model.addAttribute("agreed", all.stream().filter(BoardServices.Match::agreed).toList());
        model.addAttribute("names", names.of(tb, all.stream()
                .flatMap(x -> Stream.of(x.other(m))).distinct().toList()));
        return "board/matches";
    }
}
