package org.reciprocity.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.inbox.Inbox;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.preference.PreferenceStore;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.recipient.Recipient;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.springframework.stereotype.Component;

/**
 * Delivers notices, whether events caused them ({@code EventIntake}) or a schedule did (the
 * monthly statement, the coordinators' daily digest): the member's channels and digest choice,
 * to a paused or suspended member only what is about their own hours, and each (notice, recipient,
 * channel) at most once, since the inbox
 * item and the outbound delivery are inserted under the notice's delivery key.
 */
@Component
public class Outreach {

    private final Recipients recipients;
    private final PreferenceStore preferences;
    private final Inbox inbox;
    private final DeliveryLog deliveries;
    private final List<OutboundChannel> channels;
    private final Clock clock;
    private final LocalTime digestAt;

    Outreach(Recipients recipients, PreferenceStore preferences, Inbox inbox, DeliveryLog deliveries,
            List<OutboundChannel> channels, Clock clock, NotificationProperties properties) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
        this.digestAt = properties.digestAt();
    }

    /** Puts notices of one timebank (a schedule's, a welcome) in inboxes and the delivery log; keys already there are skipped. */
    public void deliver(List<Notice> notices, Timebank timebank) {
        deliver(notices, Map.of(timebank.timebankId(), timebank));
    }

    /**
     * Puts notices in inboxes and the delivery log; keys already there are skipped. A member not
     * known yet still gets them (as {@link Notice#mayReach} says): they may be registered a moment
     * later, and the sender looks for the address when it sends.
     */
    void deliver(List<Notice> notices, Map<String, Timebank> timebanks) {
        if (notices.isEmpty()) {
            return;
        }
        Set<String> people = new HashSet<>();
        notices.forEach(n -> people.add(n.recipientId()));
        Map<String, Recipient> known = recipients.findAll(people);
        Map<String, Preferences> chosen = preferences.findAll(people);
        Set<String> noEmail = preferences.emailWithdrawn(people);
        Instant now = clock.instant();
        List<Notice> toInbox = new ArrayList<>();
        List<Delivery> outbound = new ArrayList<>();
        for (Notice notice : notices) {
            Recipient recipient = known.get(notice.recipientId());
            if (!notice.mayReach(recipient)) {
                continue;
            }
            Preferences prefs = chosen.getOrDefault(notice.recipientId(),
                    Preferences.defaults(notice.recipientId(), notice.timebankId(), null));
            Set<String> wanted = prefs.channelsFor(notice.kind());
            if (noEmail.contains(notice.recipientId())) {
                // issue 18: consent to e-mail withdrawn: the inbox only, whatever the channels say
                wanted = wanted.stream().filter(c -> !Preferences.EMAIL.equals(c)).collect(Collectors.toSet());
            }
            if (wanted.contains(Preferences.INBOX)) {
                toInbox.add(notice);
            }
            for (OutboundChannel channel : channels) {
                // details not here yet: the sender looks for the address when it sends, as for an unknown member
                if (wanted.contains(channel.name()) && (recipient == null || !recipient.detailsKnown()
                        || channel.addressOf(recipient).isPresent())) {
                    Instant due = prefs.digest() ? nextDigest(now, timebanks.get(notice.timebankId()).zone()) : now;
                    outbound.add(Delivery.of(notice, channel.name(), prefs.digest(), due));
                }
            }
        }
        deliveries.addNew(outbound);
        inbox.deliver(toInbox);
    }

    private Instant nextDigest(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(digestAt).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}
