package org.reciprocity.kit.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors no controller advice sees — an exception out of a servlet filter, a request Tomcat
 * refuses before any filter (an encoded NUL or slash, a header too large), a {@code sendError} —
 * reach the servlet container's error page. This filter answers that error dispatch itself, first,
 * as a problem detail with a code: not Tomcat's HTML page, not Spring Boot's {@code /error} JSON,
 * and not a 401 from the security filters, which would otherwise see the error dispatch as a new
 * request. The exception is logged whole for us and never shown.
 */
public class ContainerErrors extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (status < 400) {
            status = 500;
        }
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500) {
            log.error("Unexpected error answering {} {}", request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ProblemDetailsAdvice.write(request, response, ProblemDetailsAdvice.springProblem(status).refusal(), status);
    }
}
