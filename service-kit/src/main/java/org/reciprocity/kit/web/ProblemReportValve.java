package org.reciprocity.kit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for what Tomcat refuses before the application is reached (an encoded
 * NUL or slash in the path, a header larger than {@code server.max-http-request-header-size}, a
 * request line it cannot parse): a problem detail with a code instead of Tomcat's HTML page. It
 * replaces the host's {@link ErrorReportValve} and, like it, writes only when nobody else wrote an
 * answer. The requested address is not echoed: it is what was refused.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // no request is bound to this thread here: the reader's language comes from the request itself
        // (English when Tomcat could not read its headers at all, a request line past its limit)
        byte[] body = ProblemDetailsAdvice.json(ProblemDetailsAdvice.springProblem(status).refusal(), status, null,
                ProblemDetailsAdvice.readerLanguage(request));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            java.io.PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already started: nothing more to say
        }
    }
}
