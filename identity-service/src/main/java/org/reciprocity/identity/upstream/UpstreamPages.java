package org.reciprocity.identity.upstream;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a person lands on when the upstream provider signed them in but Reciprocity cannot. */
@Controller
class UpstreamPages {

    @GetMapping(UpstreamSignIn.REFUSED_PAGE)
    String refused(@RequestParam(required = false) String reason, Model model) {
        // only the codes this service gives: the parameter is shown as words, never as it came
        String code = Arrays.stream(UpstreamPeople.Refusal.values()).map(r -> r.code)
                .filter(c -> c.equals(reason)).findFirst().orElse(UpstreamPeople.Refusal.FAILED.code);
        model.addAttribute("reason", code);
        model.addAttribute("reasonKey", "upstream.refused." + code);
        return "upstream-refused";
    }
}
