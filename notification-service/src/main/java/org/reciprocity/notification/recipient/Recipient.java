package org.reciprocity.notification.recipient;

import java.util.List;

/**
 * Someone notifications can reach: their name to greet them, their e-mail if any, their language,
 * their roles (coordinators are told about disputes) and whether they are suspended or paused
 * (then they get only what they must know). The name, e-mail, language and roles come from the
 * member-details topic only (issue 18): until that record arrives they are unknown ({@link #detailsKnown}),
 * and once the member is erased they are gone for good ({@link #erased}).
 */
public record Recipient(String memberId, String timebankId, String displayName, String email, String language,
                        List<String> roles, boolean suspended, boolean paused, boolean erased) {

    public Recipient {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public Recipient(String memberId, String timebankId, String displayName, String email, String language,
                     List<String> roles, boolean suspended, boolean paused) {
        this(memberId, timebankId, displayName, email, language, roles, suspended, paused, false);
    }

    public boolean isCoordinator() {
        return roles.contains("COORDINATOR");
    }

    /** Paused or suspended members get only what concerns disputes about their own hours. */
    public boolean onlyEssentials() {
        return suspended || paused;
    }

    /** Whether the member's details (name, e-mail, language) have arrived: before, where to write is not known yet. */
    public boolean detailsKnown() {
        return displayName != null && !erased;
    }
}
