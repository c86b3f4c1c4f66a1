package org.reciprocity.kit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.security.Caller;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any POST: one outcome per key, however its retries race, on one
 * instance or several. The first request with a key claims it ({@link IdempotencyRecords}) before
 * it runs; a request with the same key and the same method, address and body waits up to
 * {@link #WAIT} for that first answer and gets it again ({@code Idempotent-Replayed: true}); if the
 * first is still running after that it gets 409 {@code idempotency-key-in-flight} and changed
 * nothing. The same key with another request gets 422. Keys are scoped to the caller (timebank and
 * member) and kept {@link IdempotencyRecords#KEPT_FOR}. Server errors are not kept, so a retry after
 * one runs afresh. A body is read whole to fingerprint it, so it is read only up to the service's
 * body limit (413 beyond).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;
    /** How long a retry waits for the answer of the request holding its key. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(40);
    private static final String SCOPE = IdempotencyFilter.class.getName() + ".scope";

    private final IdempotencyRecords records;
    private final long maxBody;

    public IdempotencyFilter(IdempotencyRecords records, long maxBody) {
        this.records = records;
        this.maxBody = maxBody;
    }

    /**
     * An id for what the current request creates, derived from its key, when it has one: a command
     * run twice for one key (its first owner presumed dead, then waking) still creates one thing.
     */
    public static Optional<String> derivedId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object scope = attributes == null ? null : attributes.getAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST);
        return scope == null ? Optional.empty()
                : Optional.of(UUID.nameUUIDFromBytes(("idempotency:" + scope).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemDetailsAdvice.write(request, response, Problems.IDEMPOTENCY_KEY_INVALID.refusal());
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        } catch (RequestBodyLimit.TooLarge e) {
            body = null;
        }
        if (body == null || body.length > maxBody) {
            ProblemDetailsAdvice.write(request, response, Problems.TOO_LARGE.refusal());
            return;
        }
        String fingerprint = fingerprint(request, body);
        String scope = scope(key);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<IdempotencyRecords.Claim> claim = records.claim(scope, fingerprint);
            if (claim.isPresent()) {
                run(claim.get(), new ReplayedBody(request, body), response, chain);
                return;
            }
            Optional<IdempotencyRecords.Seen> seen = records.find(scope); // empty: released or expired just now
            if (seen.isPresent()) {
                if (!fingerprint.equals(seen.get().fingerprint())) {
                    ProblemDetailsAdvice.write(request, response, Problems.IDEMPOTENCY_KEY_REUSED.refusal());
                    return;
                }
                if (seen.get().answered()) {
                    replay(seen.get().answer(), response);
                    return;
                }
                claim = records.abandoned(seen.get()) ? records.takeOver(seen.get()) : Optional.empty();
                if (claim.isPresent()) {
                    run(claim.get(), new ReplayedBody(request, body), response, chain);
                    return;
                }
            }
            if (System.nanoTime() >= deadline || !pause()) {
                ProblemDetailsAdvice.write(request, response, Problems.IDEMPOTENCY_KEY_IN_FLIGHT.refusal());
                return;
            }
        }
    }

    private void run(IdempotencyRecords.Claim claim, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        request.setAttribute(SCOPE, claim.scope());
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, caching);
        } catch (ServletException | IOException | RuntimeException | Error failed) {
            records.release(claim);
            throw failed;
        }
        if (worthKeeping(caching)) {
            records.keep(claim, new IdempotencyRecords.Answer(caching.getStatus(), caching.getContentType(),
                    caching.getHeader("Location"), caching.getContentAsByteArray()));
        } else {
            records.release(claim);
        }
        caching.copyBodyToResponse();
    }

    /**
     * An answer a retry should get again: not a server error or "too many" (a retry may do better),
     * and not an error the container is still to write (no body yet).
     */
    private static boolean worthKeeping(ContentCachingResponseWrapper answer) {
        int status = answer.getStatus();
        return status < 500 && status != 429 && (status < 400 || answer.getContentSize() > 0);
    }

    private static void replay(IdempotencyRecords.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(answer.body());
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String scope(String key) {
        try {
            Caller caller = Caller.current();
            return caller.timebankId() + ":" + caller.memberId() + ":" + key;
        } catch (RuntimeException anonymous) {
            return "anonymous:" + key;
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            sha256.update((request.getMethod() + " " + request.getRequestURI() + query + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, readable again by the controller. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
