package org.reciprocity.identity.signin;

import java.io.IOException;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Back to the sign-in page with a code that names what to tell the person (never which part was wrong). */
class SignInFailures implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        String code = failure instanceof LockedException ? "locked"
                : failure instanceof DisabledException ? "suspended"
                : failure instanceof PasswordSignIn.TooSoon ? "wait"
                : "wrong";
        new DefaultRedirectStrategy().sendRedirect(request, response, "/login?error=" + code);
    }
}
