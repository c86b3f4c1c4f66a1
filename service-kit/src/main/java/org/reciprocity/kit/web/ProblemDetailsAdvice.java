package org.reciprocity.kit.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.problem.Reason;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.problem.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

import jakarta.validation.ConstraintViolationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every error of every API as an RFC 9457 problem detail with a stable code: the {@code type} is
 * {@code urn:reciprocity:problem:<code>}, {@code code} and {@code params} say it for a program,
 * {@code detail} for a person.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // before Boot's own problem-details handler, which gives no code
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The problem detail of a refusal. */
    public static ProblemDetail problem(Refusal refusal) {
        return problem(refusal, readerLanguage());
    }

    private static ProblemDetail problem(Refusal refusal, Locale language) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.outcome().status()),
                refusal.words(language));
        problem.setType(URI.create(Reason.PROBLEM_TYPE_PREFIX + refusal.code()));
        problem.setTitle(title(refusal.outcome().status(), language));
        problem.setProperty("code", refusal.code());
        problem.setProperty("params", refusal.params());
        return problem;
    }

    /**
     * The reader's language, English or French, from the request's {@code Accept-Language}
     * (English when it names neither, or outside a request).
     */
    public static Locale readerLanguage() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return readerLanguage(attributes.getRequest());
        }
        return Locale.ENGLISH;
    }

    static Locale readerLanguage(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Wording.LANGUAGES);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** Writes a refusal where no controller advice runs (a servlet filter, Spring Security's handlers). */
    public static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        write(request, response, refusal, refusal.outcome().status());
    }

    /** Writes a refusal with the status someone else chose (the container, for its own errors). */
    static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal, int status)
            throws IOException {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        byte[] body = json(refusal, status, errorUri instanceof String uri ? uri : request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(body);
    }

    /** A refusal as the JSON of a problem detail, for a response written by hand. */
    static byte[] json(Refusal refusal, int status, String instance) {
        return json(refusal, status, instance, readerLanguage());
    }

    /** The same, in {@code language}: for the container's own errors, where no request is bound to the thread. */
    static byte[] json(Refusal refusal, int status, String instance, Locale language) {
        ProblemDetail problem = problem(refusal, language);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", title(status, language));
        body.put("status", status);
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(problem.getProperties());
        return EventJson.mapper().writeValueAsBytes(body);
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail refused(ApiException e) {
        return problem(e.refusal());
    }

    /** Domain factories refuse invalid values with a readable IllegalArgumentException. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(Problems.INVALID_VALUE.with("detail", e.getMessage()));
    }

    /** A multipart body the container cannot split (no boundary, cut short): our API reads none. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return problem(Problems.UNREADABLE_REQUEST.refusal());
    }

    /**
     * A query string the container cannot decode (a broken %-escape, bytes that are not UTF-8):
     * the sender's mistake, so a 400 like any unreadable request, not a 500 from our side.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodableQuery(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(Problems.UNREADABLE_REQUEST.refusal());
    }

    /** A query or path value outside its bounds on a {@code @Validated} controller (a negative {@code limit}). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail outOfBounds(ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.<String, Object>of("field", lastNode(v.getPropertyPath().toString()),
                        "message", v.getMessage()))
                .toList();
        ProblemDetail problem = problem(Problems.INVALID_FIELDS.refusal());
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(Problems.NOT_PERMITTED.refusal());
    }

    /** Whatever nobody foresaw: logged whole for us, a plain apology for the member. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security's entry point answers these
        }
        log.error("Unexpected error", e);
        return problem(Problems.SERVER_ERROR.refusal());
    }

    /**
     * A body that could not be read: too large (413), a value of the wrong kind or with control
     * characters ({@code invalid-fields}, naming the field), or not JSON at all.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge) {
                return handleExceptionInternal(e, problem(Problems.TOO_LARGE.refusal()), headers, HttpStatus.PAYLOAD_TOO_LARGE,
                        request);
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                // one field we could not read: the detail says what to write instead, in the reader's words
                Refusal field = JsonFieldErrors.problem(jackson);
                String words = field.words(readerLanguage());
                ProblemDetail problem = problem(Problems.INVALID_FIELDS.refusal());
                problem.setDetail(problem.getDetail() + " " + words);
                problem.setProperty("errors", List.of(Map.<String, Object>of("field", JsonFieldErrors.path(jackson),
                        "code", field.code(), "message", words)));
                return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage()))
                .toList();
        return fieldErrors(e, errors, headers, request);
    }

    private ResponseEntity<Object> fieldErrors(Exception e, List<Map<String, Object>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = problem(Problems.INVALID_FIELDS.refusal());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own errors (405, 415, an unreadable body…) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            Refusal refusal = springProblem(status.value()).refusal();
            problem.setType(URI.create(Reason.PROBLEM_TYPE_PREFIX + refusal.code()));
            problem.setTitle(title(status.value()));
            problem.setDetail(refusal.words(readerLanguage()));
            problem.setProperty("code", refusal.code());
            problem.setProperty("params", Map.of());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The kit's problem for an HTTP status that Spring or the container chose. */
    static Problems springProblem(int status) {
        return switch (status) {
            case 401 -> Problems.NOT_SIGNED_IN;
            case 403 -> Problems.NOT_PERMITTED;
            case 404 -> Problems.NO_SUCH_PAGE;
            case 405 -> Problems.METHOD_NOT_SUPPORTED;
            case 406 -> Problems.NOT_ACCEPTABLE;
            case 413 -> Problems.TOO_LARGE;
            case 415 -> Problems.MEDIA_TYPE_NOT_SUPPORTED;
            default -> status >= 500 ? Problems.SERVER_ERROR : Problems.UNREADABLE_REQUEST;
        };
    }

    /** The problem's short title in the reader's language, from {@code Titles.properties} beside the kit's problems. */
    static String title(int status) {
        return title(status, readerLanguage());
    }

    private static String title(int status, Locale language) {
        ResourceBundle titles = Wording.bundle(TITLES, ProblemDetailsAdvice.class, language);
        String key = Integer.toString(status);
        return titles.containsKey(key) ? titles.getString(key) : titles.getString(status >= 500 ? "500" : "400");
    }

    private static final String TITLES = "org.reciprocity.kit.problem.Titles";
}
