package org.reciprocity.kit.web;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.problem.Wording;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every path variable of an API address ({@code /api/**}) is an id, so every one is checked against
 * {@link SafeId}'s alphabet (decoded, as the controller would see it) before any endpoint or access
 * rule runs: a 400 with the variable's name, and nothing read or written. The firewall and Tomcat
 * already refuse the worst ({@code %00}, {@code %2F}, {@code ;}, {@code \}); this catches the rest
 * ({@code %20}, {@code =}, {@code +}, anything outside ASCII).
 */
final class SafeIdsInPaths implements HandlerInterceptor {

    private static final Pattern SAFE = Pattern.compile(SafeId.PATH_PATTERN);
    /** The words of this refusal, beside the kit's problems: the detail of an {@code invalid-value}, in the reader's language. */
    private static final String PATH_ID = "invalid-value.path-id";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (!SAFE.matcher(value).matches()) {
                    // the value is not repeated: it is what was refused for holding what it should not
                    String words = Wording.bundle(Problems.INVALID_VALUE, ProblemDetailsAdvice.readerLanguage(request))
                            .getString(PATH_ID).replace("{field}", name)
                            .replace("{most}", String.valueOf(SafeId.MAX_IN_PATH));
                    throw ApiException.of(Problems.INVALID_VALUE, "detail", words, "field", name);
                }
            });
        }
        return true;
    }
}
