package org.reciprocity.identity.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 9457 problem details for the API: {@code type} = urn:reciprocity:problem:&lt;code&gt;, a {@code code}
 * property, and {@code detail} in plain words in the reader's language (Accept-Language, en or fr).
 */
@RestControllerAdvice(assignableTypes = {AccountsApi.class, AuditApi.class, RetentionReportsApi.class,
        PersonalDataApi.class})
class Problems {

    static ProblemDetail problem(ApiRefusal reason, HttpServletRequest request) {
        Locale locale = request.getLocale() != null && "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ROOT;
        ResourceBundle words = ResourceBundle.getBundle("org/reciprocity/identity/api/ApiRefusal", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status, words.getString(reason.code()));
        problem.setType(URI.create("urn:reciprocity:problem:" + reason.code()));
        problem.setProperty("code", reason.code());
        return problem;
    }

    static void write(ApiRefusal reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(reason, request);
        response.setStatus(reason.status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":\"" + problem.getType() + "\",\"status\":" + problem.getStatus()
                + ",\"code\":\"" + reason.code() + "\",\"detail\":\"" + problem.getDetail().replace("\"", "\\\"") + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refused, HttpServletRequest request) {
        return ResponseEntity.status(refused.reason.status).body(problem(refused.reason, request));
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> invalid(Exception e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(problem(ApiRefusal.INVALID_VALUE, request));
    }
}
