package org.reciprocity.portal.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/** Where a suspended member lands once {@link StillWelcome} has signed them out. */
@Controller
class PausedPage {

    @GetMapping("/paused")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String paused() {
        return "error/paused";
    }
}
