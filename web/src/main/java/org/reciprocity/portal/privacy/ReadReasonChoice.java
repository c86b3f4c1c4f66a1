package org.reciprocity.portal.privacy;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Why a coordinator is looking at members' details (issue 18, "who looked"): chosen on the page once
 * a session and kept in it; every call to the services then carries it in the
 * {@value #HEADER} header, and the services keep it beside each look for the member to read.
 */
public final class ReadReasonChoice {

    public static final String HEADER = "Reciprocity-Read-Reason";
    /** The reasons a coordinator can give, as the services know them. */
    public static final List<String> REASONS = List.of("SUPPORT_REQUEST", "DISPUTE", "SAFEGUARDING", "REVIEW", "OTHER");

    static final String SESSION_ATTRIBUTE = ReadReasonChoice.class.getName();

    private ReadReasonChoice() {
    }

    /** The reason chosen in this session, if any. */
    public static Optional<String> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpSession session = attributes.getRequest().getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(SESSION_ATTRIBUTE)).filter(REASONS::contains);
    }

    static void choose(HttpSession session, String reason) {
        session.setAttribute(SESSION_ATTRIBUTE, reason);
    }

    /** Adds the chosen reason to a call to a service; a call without one is kept as "no reason given". */
    public static ClientHttpRequestInterceptor header() {
        return (request, body, execution) -> {
            current().ifPresent(reason -> request.getHeaders().set(HEADER, reason));
            return execution.execute(request, body);
        };
    }
}
