package org.reciprocity.notification.recipient;

import java.util.List;

/**
 * Someone notifications can reach: their name to greet them, their e-mail if any, their language,
 * their roles (coordinators are told about disputes) and whether they are suspended or paused
 * (then they get only what they must know).
 */
public record Recipient(String memberId, String timebankId, String displayName, String email, String language,
                        List<String> roles, boolean suspended, boolean paused) {

    public Recipient {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean isCoordinator() {
        return roles.contains("COORDINATOR");
    }

    /** Paused or suspended members get only what concerns disputes about their own hours. */
    public boolean onlyEssentials() {
        return suspended || paused;
    }
}
