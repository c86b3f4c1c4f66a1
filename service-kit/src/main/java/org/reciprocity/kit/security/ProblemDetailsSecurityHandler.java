package org.reciprocity.kit.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401, 403 and 503 as RFC 9457 problem details, like every other error of the API. A token that
 * could not be checked because the issuer was out of reach ({@link AuthenticationServiceException},
 * "a system problem") is a 503 {@code sign-in-unavailable}: it says nothing about the person's
 * sign-in, so it must not ask them to sign in again.
 */
class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsSecurityHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, Problems.NOT_SIGNED_IN.refusal());
    }

    /** A bearer token that failed: the token's fault (401) or ours (503). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            log.debug("Could not check a sign-in for {}: {}", request.getRequestURI(), e.getMessage());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(request, response, Problems.SIGN_IN_UNAVAILABLE.refusal());
        } else {
            commence(request, response, e);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, Problems.NOT_PERMITTED.refusal());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        ProblemDetailsAdvice.write(request, response, refusal);
    }
}
