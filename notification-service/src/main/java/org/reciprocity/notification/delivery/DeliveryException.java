package org.reciprocity.notification.delivery;

/** A channel could not deliver; {@code permanent} when trying again cannot help (a malformed address). */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
