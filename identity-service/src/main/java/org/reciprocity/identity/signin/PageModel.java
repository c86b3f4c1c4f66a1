package org.reciprocity.identity.signin;

import org.reciprocity.identity.IdentitySettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page may link to. */
@ControllerAdvice
class PageModel {

    private final IdentitySettings settings;

    PageModel(IdentitySettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("portalUrl")
    String portalUrl() {
        return settings.portalSignIn();
    }
}
