package org.reciprocity.kit.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body is read beyond the service's limit ({@code reciprocity.web.max-request-body},
 * 128 KiB by default: the largest legitimate request, a register of 500 attendances, is about half
 * that). A declared length over it is refused at once with 413 {@code too-large}; a body without a
 * length is cut off where it passes the limit, which the problem-details advice turns into the
 * same 413. Runs before anything reads a body, and before sign-in is checked: no caller needs
 * more, and refusing is cheaper than reading.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final long DEFAULT = 128 * 1024;

    private final long max;

    public RequestBodyLimit(long max) {
        this.max = max;
    }

    public long max() {
        return max;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            ProblemDetailsAdvice.write(request, response, Problems.TOO_LARGE.refusal());
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    /** A body went past the limit while being read. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("the request body is larger than " + max + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream in;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counting(super.getInputStream(), max);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
