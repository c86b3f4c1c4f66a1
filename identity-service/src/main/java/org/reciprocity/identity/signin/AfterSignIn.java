package org.reciprocity.identity.signin;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a person goes once signed in: back to what they asked for (the portal's authorisation), else
 * the portal; after a password-reset link, to the page that sets a new password.
 */
class AfterSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    AfterSignIn(String portalUrl) {
        setDefaultTargetUrl(portalUrl);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        if ("password".equals(request.getParameter("next"))) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, "/account/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
