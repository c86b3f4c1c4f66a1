package org.reciprocity.kit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.bson.Document;
import org.bson.types.Binary;
import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any POST: the first answer is kept, a retry with the same key and the
 * same request gets that answer again and changes nothing, the same key with another request gets
 * 422. Keys are scoped to the caller (timebank and member). Server errors are not kept, so a retry
 * after one runs again. Two retries racing each other both run; the commands themselves are
 * idempotent (client-chosen or derived ids), so that changes nothing either.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    public IdempotencyFilter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            ProblemDetailsAdvice.write(request, response, Problems.IDEMPOTENCY_KEY_INVALID.refusal());
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        String scope = scope(key);
        Document kept = mongo.findById(scope, Document.class, COLLECTION);
        if (kept != null) {
            if (!fingerprint.equals(kept.getString("fingerprint"))) {
                ProblemDetailsAdvice.write(request, response, Problems.IDEMPOTENCY_KEY_REUSED.refusal());
                return;
            }
            response.setStatus(kept.getInteger("status"));
            if (kept.getString("contentType") != null) {
                response.setContentType(kept.getString("contentType"));
            }
            if (kept.getString("location") != null) {
                response.setHeader("Location", kept.getString("location"));
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(kept.get("body", Binary.class).getData());
            return;
        }
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        chain.doFilter(new ReplayedBody(request, body), caching);
        if (caching.getStatus() < 500) {
            try {
                mongo.insert(new Document("_id", scope).append("fingerprint", fingerprint)
                        .append("status", caching.getStatus()).append("contentType", caching.getContentType())
                        .append("location", caching.getHeader("Location"))
                        .append("body", new Binary(caching.getContentAsByteArray()))
                        .append("at", java.util.Date.from(Instant.now(clock))), COLLECTION);
            } catch (DuplicateKeyException raced) {
                // a concurrent retry kept its answer first; both ran the same idempotent command
            }
        }
        caching.copyBodyToResponse();
    }

    private static String scope(String key) {
        try {
            Caller caller = Caller.current();
            return caller.timebankId() + ":" + caller.memberId() + ":" + key;
        } catch (RuntimeException anonymous) {
            return "anonymous:" + key;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
