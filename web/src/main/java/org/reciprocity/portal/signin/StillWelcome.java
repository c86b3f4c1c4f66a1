package org.reciprocity.portal.signin;

import java.io.IOException;

import org.reciprocity.portal.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A member a coordinator suspends is signed out at their next request, not when their access token
 * runs out a quarter of an hour later: before each page the portal asks identity-service (the one
 * place that says who may sign in) where the member stands. Runs after Spring Security, so it sees
 * who is signed in. When identity-service cannot be reached the page is served (the services still
 * check every token); that is logged.
 */
@Component
class StillWelcome extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StillWelcome.class);

    private final Services services;

    StillWelcome(Services services) {
        this.services = services;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/") || path.equals("/favicon.ico") || path.equals("/paused")
                || path.startsWith("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedIn me = SignedIn.current();
        if (me != null && suspended(me)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/paused");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean suspended(SignedIn me) {
        try {
            return "SUSPENDED".equals(services.accountStatus(me.timebankId(), me.memberId()));
        } catch (RuntimeException unreachable) {
            log.warn("could not ask identity-service whether {} is still welcome: {}", me.memberId(), unreachable.toString());
            return false;
        }
    }
}
