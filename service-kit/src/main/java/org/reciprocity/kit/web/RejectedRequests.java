package org.reciprocity.kit.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What Spring Security's firewall refuses (an encoded {@code %}, {@code ;}, {@code \}, {@code ..}, a
 * header it will not read) is a 400 problem {@code request-rejected}: Spring Security finds this
 * handler as a bean. The reason is logged, not repeated to the caller.
 */
public class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.info("Refused a request the firewall rejects: {}", e.getMessage());
        ProblemDetailsAdvice.write(request, response, Problems.REQUEST_REJECTED.refusal());
    }
}
