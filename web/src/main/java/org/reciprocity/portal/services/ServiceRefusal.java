package org.reciprocity.portal.services;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A service said no: its RFC 9457 problem's status, {@code code} and {@code detail} (already in the
 * reader's language, because every call sends Accept-Language). Pages show the detail in an error summary.
 */
public class ServiceRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;
    private final String code;
    private final String detail;

    public ServiceRefusal(int status, String code, String detail) {
        super(code + " (" + status + ")");
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    /** Reads a problem detail; a body that is not one still gives the status. */
    public static ServiceRefusal read(int status, byte[] body) {
        String code = "status-" + status;
        String detail = null;
        try {
            JsonNode problem = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (problem != null && problem.hasNonNull("code")) {
                code = problem.get("code").asString();
            }
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asString();
            }
        } catch (RuntimeException notJson) {
            // not a problem detail: the status says enough
        }
        return new ServiceRefusal(status, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The service's words for the reader, or null (the page then says something general). */
    public String detail() {
        return detail;
    }
}
