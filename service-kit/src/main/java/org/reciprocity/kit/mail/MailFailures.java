package org.reciprocity.kit.mail;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure to send an e-mail into a reason that is safe to log, store and publish: the
 * exception classes and the SMTP reply code only, never the server's free text. A mail server's
 * refusal quotes the address ("550 5.1.1 &lt;x@y&gt;: Recipient address rejected"), and the people this
 * serves are in mental-health recovery: their address must not sit in logs, in
 * {@code deliveries.lastError} or on the notifications topic. As a second guard, anything shaped
 * like an e-mail address that still gets through is replaced.
 *
 * <p>Plain text matching, no Jakarta Mail types, so every service can use it without the mail jars.
 */
public final class MailFailures {

    /** What replaces an address that would otherwise get through. */
    public static final String ADDRESS_REMOVED = "<address removed>";

    /**
     * An SMTP error reply where a mail library puts it, at the start of a message or of a line, or
     * right after a quoted exception's name: a 4xx/5xx code and, optionally, an enhanced status code
     * (RFC 3463). Anchored so that a port number in "could not connect to host, port 465" is not one.
     */
    private static final Pattern REPLY = Pattern.compile(
            "(?:^|Exception: )\\s*([45]\\d\\d)(?:[ -]([245]\\.\\d{1,3}\\.\\d{1,3}))?(?![\\w.])", Pattern.MULTILINE);
    /** A (possibly qualified) exception class named inside a message, as Spring's MailSendException quotes them. */
    private static final Pattern NAMED_EXCEPTION = Pattern.compile("(?:[\\w$]+\\.)*([A-Z][\\w$]*(?:Exception|Error))(?=[:;\\s]|$)");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");
    private static final int MAX_DEPTH = 10;

    private MailFailures() {
    }

    /**
     * A short reason for {@code failure}: its class and causes' classes, and the SMTP reply if one
     * is found, e.g. {@code "MailSendException > SMTPAddressFailedException: SMTP 550 5.1.1, refused for good"}.
     */
    public static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Set<String> classes = new LinkedHashSet<>();
        String reply = null;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            classes.add(t.getClass().getSimpleName());
            // Spring's MailSendException has no cause: the library's exceptions are only quoted in its message
            if (t.getMessage() != null) {
                Matcher named = NAMED_EXCEPTION.matcher(t.getMessage());
                while (named.find()) {
                    classes.add(named.group(1));
                }
            }
            if (reply == null) {
                reply = smtpReply(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        StringBuilder reason = new StringBuilder(String.join(" > ", classes));
        if (reply != null) {
            reason.append(": SMTP ").append(reply);
        }
        return withoutAddresses(reason.toString());
    }

    /** {@code text} with anything shaped like an e-mail address replaced by {@link #ADDRESS_REMOVED}. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(ADDRESS_REMOVED));
    }

    /** The first SMTP error reply code in {@code message} (4xx or 5xx), with what its class means; null if none. */
    static String smtpReply(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = REPLY.matcher(message);
        if (!m.find()) {
            return null;
        }
        String first = m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
        return first + (first.startsWith("5") ? ", refused for good" : ", refused for now");
    }
}
