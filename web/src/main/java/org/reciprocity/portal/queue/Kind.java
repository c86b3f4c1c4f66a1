package org.reciprocity.portal.queue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of item in a coordinator's queue, in the order the page shows them: what is most
 * pressing for a person first. {@code key} is the kind's value in the address ({@code ?kind=}).
 */
public enum Kind {
    DISPUTE("disputes"),
    WAITING("waiting"),
    NEED("needs"),
    PROPOSAL("proposals"),
    NEW_MEMBER("newcomers"),
    BALANCE("balances"),
    RECEIVED_ONLY("received-only"),
    GAVE_ONLY("gave-only");

    private final String key;

    Kind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The kind an address names; none for a value the page does not know (then every kind is shown). */
    static Optional<Kind> fromKey(String value) {
        return Arrays.stream(values()).filter(k -> k.key.equals(value)).findFirst();
    }
}
