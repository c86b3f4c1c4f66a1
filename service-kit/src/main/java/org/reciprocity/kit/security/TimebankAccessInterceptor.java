package org.reciprocity.kit.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Timebanks are isolated: a request under {@code /api/v1/timebanks/{timebankId}/...} is refused
 * unless the caller's token is for that very timebank. Checked once here so no endpoint can forget.
 */
class TimebankAccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String timebankId = variables == null ? null : variables.get("timebankId");
        if (timebankId != null && !Caller.current().belongsTo(timebankId)) {
            throw new AccessDeniedException("Your sign-in is for another timebank.");
        }
        return true;
    }
}
