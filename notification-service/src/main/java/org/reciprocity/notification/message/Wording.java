package org.reciprocity.notification.message;

import java.util.Locale;
import java.util.Map;

import org.reciprocity.notification.message.Texts.Text;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.recipient.Recipient;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.springframework.stereotype.Component;

/**
 * Words for one reader: their language (their preference, else the one they registered with,
 * else English), names of the people mentioned as they are now, times in the timebank's zone.
 */
@Component
public class Wording {

    private final Texts texts;
    private final Recipients recipients;

    Wording(Texts texts, Recipients recipients) {
        this.texts = texts;
        this.recipients = recipients;
    }

    public static Locale localeFor(Preferences preferences, Recipient recipient) {
        String language = preferences != null && preferences.language() != null ? preferences.language()
                : recipient != null ? recipient.language() : null;
        return Texts.locale(language);
    }

    public Text text(MessageKind kind, Map<String, String> params, Locale locale, Timebank timebank) {
        Map<String, Recipient> people = recipients.findAll(Notices.mentioned(params));
        return texts.render(kind, params, locale, timebank.zone(), names(people, locale), timebank.name());
    }

    /** A request to confirm time, worded as closed: why it needs no answer any more. */
    public Text answered(String because, Map<String, String> params, Locale locale, Timebank timebank) {
        Map<String, Recipient> people = recipients.findAll(Notices.mentioned(params));
        return texts.answered(because, params, locale, timebank.zone(), names(people, locale), timebank.name());
    }

    /** Names as they are now; an erased member is "a former member" (issue 18), an unknown one "a member". */
    private java.util.function.Function<String, String> names(Map<String, Recipient> people, Locale locale) {
        return id -> {
            Recipient person = people.get(id);
            if (person == null) {
                return null;
            }
            return person.erased() ? texts.say("someone.erased", locale) : person.displayName();
        };
    }

    public Texts texts() {
        return texts;
    }
}
