package org.reciprocity.notification.delivery;

/**
 * Where a delivery on an outbound channel stands. PENDING, RETRYING and HELD wait for their time;
 * SENDING is claimed by one instance; SENT, FAILED and CANCELLED (the member turned
 * the channel off before it was sent) are final.
 */
public enum DeliveryStatus {
    PENDING, HELD, SENDING, RETRYING, SENT, FAILED, CANCELLED
}
