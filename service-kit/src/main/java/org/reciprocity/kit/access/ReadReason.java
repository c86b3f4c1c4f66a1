package org.reciprocity.kit.access;

import java.util.Locale;

import org.reciprocity.kit.web.ApiException;

/**
 * Why a coordinator, staff member or admin looked at a member's data: the code the portal sends in
 * the {@value #HEADER} header, from the reader's choice on the page. A read without one is kept as
 * {@link #NOT_GIVEN}, so the member sees that no reason was given; a code we do not know is refused.
 */
public enum ReadReason {
    SUPPORT_REQUEST,
    DISPUTE,
    SAFEGUARDING,
    REVIEW,
    OTHER,
    /** The reader's client sent no reason. */
    NOT_GIVEN;

    public static final String HEADER = "Reciprocity-Read-Reason";

    /** The header's value as a reason; blank is {@link #NOT_GIVEN}, an unknown code a 400 problem. */
    public static ReadReason parse(String header) {
        if (header == null || header.isBlank()) {
            return NOT_GIVEN;
        }
        String code = header.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ReadReason reason : values()) {
            if (reason != NOT_GIVEN && reason.name().equals(code)) {
                return reason;
            }
        }
        throw new ApiException(ReadLogRefusal.READ_REASON_UNKNOWN.with("reason", header.length() > 40 ? header.substring(0, 40) : header));
    }
}
