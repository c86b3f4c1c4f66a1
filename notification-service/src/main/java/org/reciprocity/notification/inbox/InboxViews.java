package org.reciprocity.notification.inbox;

import java.util.List;
import java.util.Locale;

import org.reciprocity.notification.message.Texts.Text;
import org.reciprocity.notification.message.Wording;
import org.reciprocity.notification.preference.PreferenceStore;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.springframework.stereotype.Component;

/** Renders a member's inbox items in their words, for the API and the live stream alike. */
@Component
class InboxViews {

    private final Wording wording;
    private final Recipients recipients;
    private final PreferenceStore preferences;

    InboxViews(Wording wording, Recipients recipients, PreferenceStore preferences) {
        this.wording = wording;
        this.recipients = recipients;
        this.preferences = preferences;
    }

    List<InboxItemView> render(String timebankId, String memberId, List<InboxItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Locale locale = Wording.localeFor(preferences.findAll(List.of(memberId)).get(memberId),
                recipients.find(memberId).orElse(null));
        Timebank timebank = recipients.timebank(timebankId);
        return items.stream().map(item -> {
            Text text = item.closedBecause() == null ? wording.text(item.kind(), item.params(), locale, timebank)
                    : wording.answered(item.closedBecause(), item.params(), locale, timebank);
            return new InboxItemView(item.id(), item.kind().name(), text.title(), text.paragraphs(), item.occurredAt(),
                    wording.texts().when(item.occurredAt(), timebank.zone(), locale), item.read(), item.closedBecause());
        }).toList();
    }
}
