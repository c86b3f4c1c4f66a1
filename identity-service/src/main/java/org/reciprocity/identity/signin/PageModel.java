package org.reciprocity.identity.signin;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.upstream.UpstreamSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page may link to. */
@ControllerAdvice
class PageModel {

    private final IdentitySettings settings;
    private final UpstreamSettings upstream;

    PageModel(IdentitySettings settings, UpstreamSettings upstream) {
        this.settings = settings;
        this.upstream = upstream;
    }

    /** The upstream provider's name for "Sign in with …", or null when there is none. */
    @ModelAttribute("upstreamName")
    String upstreamName() {
        return upstream.name();
    }

    @ModelAttribute("portalUrl")
    String portalUrl() {
        return settings.portalSignIn();
    }
}
