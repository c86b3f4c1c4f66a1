package org.reciprocity.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's sign-in: who they are in a timebank, their roles, and how they prove it. Each change
 * is one conditional update of this one document (the store has no multi-document transactions).
 *
 * @param id             the account key: {@code <timebankId>:<memberId>}
 * @param passkeyUserId  the WebAuthn user handle (base64url), once the person has one
 */
@Document("accounts")
public record Account(@Id String id, String timebankId, String memberId, String email, List<String> roles,
                      AccountStatus status, String language, String passwordHash, int failedAttempts,
                      Instant lastFailureAt, Instant lockedUntil, String passkeyUserId) {

    public static String key(String timebankId, String memberId) {
        return timebankId + ":" + memberId;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean isSuspended() {
        return status == AccountStatus.SUSPENDED;
    }

    /** The status a program sees: LOCKED while a lock-out lasts. */
    public String statusAt(Instant now) {
        return status != AccountStatus.SUSPENDED && isLockedAt(now) ? "LOCKED" : status.name();
    }

    public Locale locale() {
        return Locale.forLanguageTag(language == null ? "en" : language);
    }

    public List<String> signInMethods() {
        List<String> methods = new java.util.ArrayList<>();
        if (passwordHash != null) {
            methods.add("PASSWORD");
        }
        if (passkeyUserId != null) {
            methods.add("PASSKEY");
        }
        methods.add("EMAIL_LINK");
        return methods;
    }
}
