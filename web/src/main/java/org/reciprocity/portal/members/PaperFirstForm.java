package org.reciprocity.portal.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;

/** A paper-first member as the coordinator typed them, kept as typed so the page can show it back. */
public class PaperFirstForm {

    static final List<String> KINDS = List.of("SERVICE_USER", "CARER", "NEIGHBOUR", "STAFF");
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private String requestId = UUID.randomUUID().toString();
    private String name;
    private String kind;
    private String language;
    private String contact;
    private String email;
    private String consent;

    /** The problems, each linked to its field, with message keys; empty when the form can be sent. */
    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (blank(name) || name.strip().length() > 80) {
            problems.add(new PageError("name", "members.error.name"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new PageError("kind", "members.error.kind"));
        }
        if (!"en".equals(language) && !"fr".equals(language)) {
            problems.add(new PageError("language", "members.error.language"));
        }
        if (!blank(contact) && contact.strip().length() > 200) {
            problems.add(new PageError("contact", "members.error.contact"));
        }
        if (!blank(email) && (!email.strip().matches(EMAIL) || email.length() > 254)) {
            problems.add(new PageError("email", "members.error.email"));
        }
        if (blank(consent) || consent.strip().length() > 500) {
            problems.add(new PageError("consent", "members.error.consent"));
        }
        return problems;
    }

    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("displayName", name.strip());
        body.put("language", language);
        body.put("email", blank(email) ? null : email.strip());
        body.put("contact", blank(contact) ? null : contact.strip());
        body.put("consent", consent.strip());
        return body;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<String> getKinds() { return KINDS; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getConsent() { return consent; }
    public void setConsent(String consent) { this.consent = consent; }
}
