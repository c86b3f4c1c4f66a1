package org.reciprocity.identity.account;

import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The e-mail → account lookup, keyed by the normalised e-mail so that a lookup is by {@code _id} (the
 * only index the store guarantees). The account document stays the truth: a key whose account no
 * longer has that e-mail is ignored, so a half-finished change never signs anyone in as someone else.
 */
@Document("account_emails")
public record EmailKey(String id, String accountId) {

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
