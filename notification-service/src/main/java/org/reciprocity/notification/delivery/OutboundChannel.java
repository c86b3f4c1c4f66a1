package org.reciprocity.notification.delivery;

import java.util.Optional;

import org.reciprocity.notification.recipient.Recipient;

/**
 * A way to reach a member outside the app, with retries and a delivery log. E-mail is one; SMS
 * is one more Spring bean implementing this (its {@link #name()} then becomes a channel members
 * can choose in their preferences).
 */
public interface OutboundChannel {

    /** The channel's name in preferences and the delivery log ({@code EMAIL}, {@code SMS}). */
    String name();

    /** Where this member is reached on this channel, or empty when they cannot be. */
    Optional<String> addressOf(Recipient recipient);

    /**
     * Sends one letter. Throws {@link DeliveryException} saying whether trying again may help.
     */
    void send(Letter letter);
}
