package org.reciprocity.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.kit.mail.MailFailures;
import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.PortalProperties;
import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.contact.TimebankContacts;
import org.reciprocity.notification.message.Texts.Text;
import org.reciprocity.notification.message.Wording;
import org.reciprocity.notification.preference.PreferenceStore;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.recipient.Recipient;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due on outbound channels. Runs on every instance: a delivery is claimed with a
 * conditional update before it is sent, so only one instance sends it. The send happens after the
 * claim (at most once): if the instance dies mid-send, the delivery stays SENDING and is later
 * marked FAILED rather than sent again. Quiet hours are checked at send time in the timebank's zone,
 * and preferences too: a member who turned e-mail off since is not sent it.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;

    private final DeliveryLog deliveries;
    private final Map<String, OutboundChannel> channels;
    private final Recipients recipients;
    private final PreferenceStore preferences;
    private final Wording wording;
    private final Clock clock;
    private final NotificationProperties properties;
    private final RetryPolicy retry;
    private final PortalProperties portal;
    private final TimebankContacts contacts;

    Dispatcher(DeliveryLog deliveries, List<OutboundChannel> channels, Recipients recipients,
            PreferenceStore preferences, Wording wording, Clock clock, NotificationProperties properties,
            PortalProperties portal, TimebankContacts contacts) {
        this.portal = portal;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::name, Function.identity()));
        this.recipients = recipients;
        this.preferences = preferences;
        this.wording = wording;
        this.clock = clock;
        this.properties = properties;
        this.retry = properties.retry().policy();
    }

    @Scheduled(fixedDelayString = "${reciprocity.notification.dispatch-interval:500ms}")
    void dispatchDue() {
        try {
            Instant now = clock.instant();
            for (Delivery stale : deliveries.sendingSince(now.minus(properties.staleSendingAfter()))) {
                deliveries.move(stale, stale.interrupted(now));
            }
            // a digest is one letter per member and channel; anything else is a letter of its own
            Map<String, List<Delivery>> letters = new LinkedHashMap<>();
            for (Delivery due : deliveries.due(now, BATCH)) {
                String key = due.digest() ? due.recipientId() + "|" + due.channel() : due.id();
                letters.computeIfAbsent(key, k -> new ArrayList<>()).add(due);
            }
            for (List<Delivery> group : letters.values()) {
                try {
                    dispatch(group, now);
                } catch (RuntimeException e) {
                    log.warn("could not dispatch {}, the next round retries: {}", group.get(0).id(), e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            log.warn("dispatch round failed, the next one retries: {}", e.getMessage(), e);
        }
    }

    private void dispatch(List<Delivery> group, Instant now) {
        Delivery first = group.get(0);
        Timebank timebank = recipients.timebank(first.timebankId());
        Preferences prefs = preferences.of(first.recipientId(), first.timebankId());
        if (prefs.quietAt(now, timebank.zone())) {
            Instant until = prefs.quietHours().endAfter(now, timebank.zone());
            group.forEach(d -> deliveries.move(d, d.heldUntil(until)));
            return;
        }
        List<Delivery> claimed = new ArrayList<>();
        // issue 18: an e-mail already queued when the member withdrew their consent is not sent
        boolean noEmail = !preferences.emailWithdrawn(List.of(first.recipientId())).isEmpty();
        for (Delivery d : group) {
            if (noEmail && Preferences.EMAIL.equals(d.channel())) {
                deliveries.move(d, d.cancelled("the member withdrew their consent to e-mail"));
            } else if (!prefs.channelsFor(d.kind()).contains(d.channel())) {
                deliveries.move(d, d.cancelled("the member turned " + d.channel() + " off for this kind of message"));
            } else if (deliveries.move(d, d.claimed(now))) {
                claimed.add(d.claimed(now));
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        try {
            send(claimed, timebank, prefs);
            Instant sentAt = clock.instant();
            claimed.forEach(d -> deliveries.move(d, d.sent(sentAt)));
        } catch (DeliveryException e) {
            Instant failedAt = clock.instant();
            // a second guard: no e-mail address in the log, in lastError or in NotificationFailed.reason
            String reason = MailFailures.withoutAddresses(e.getMessage());
            log.info("{} deliveries to {} on {} failed (try {}): {}", claimed.size(), first.recipientId(),
                    first.channel(), claimed.get(0).attempts(), reason);
            claimed.forEach(d -> deliveries.move(d, d.failed(reason, e.permanent(), failedAt, retry)));
        }
    }

    private void send(List<Delivery> claimed, Timebank timebank, Preferences prefs) {
        Delivery first = claimed.get(0);
        OutboundChannel channel = channels.get(first.channel());
        if (channel == null) {
            throw new DeliveryException("no channel named " + first.channel() + " in this service", true, null);
        }
        Recipient recipient = recipients.find(first.recipientId()).orElse(null);
        if (recipient != null && recipient.erased()) {
            throw new DeliveryException("the member was erased", true, null);
        }
        if (recipient == null || !recipient.detailsKnown()) {
            throw new DeliveryException("the member is not known here yet, so neither is their address", false, null);
        }
        String address = channel.addressOf(recipient).orElseThrow(() -> new DeliveryException(
                "the member has no " + channel.name() + " address", true, null));
        Locale locale = Wording.localeFor(prefs, recipient);
        List<Text> items = claimed.stream()
                .map(d -> wording.text(d.kind(), d.params(), locale, timebank)).toList();
        boolean digest = first.digest();
        String subject = digest ? wording.texts().say("mail.digest.title", locale, timebank.name()) : items.get(0).title();
        String reference = digest ? first.id() + ".digest" + claimed.size() : first.id();
        channel.send(new Letter(reference, address, locale, recipient.displayName(), timebank.name(), subject, items,
                digest, properties.publicBaseUrl() + "/api/v1/unsubscribe/" + prefs.unsubscribeToken(), portal.baseUrl(),
                Help.of(contacts.of(timebank.timebankId()), wording.texts(), locale)));
    }
}
