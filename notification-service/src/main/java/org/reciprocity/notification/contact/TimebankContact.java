package org.reciprocity.notification.contact;

/**
 * Who a member of a timebank can turn to, as its admin wrote it: the coordinators (a name, an
 * e-mail, a phone) and a support line (words such as "Samaritans, free, day or night" and a phone).
 * Any part may be empty; {@link Help} then says kind default words.
 */
public record TimebankContact(String timebankId, String coordinatorsName, String coordinatorsEmail,
                              String coordinatorsPhone, String supportWords, String supportPhone) {

    public static TimebankContact none(String timebankId) {
        return new TimebankContact(timebankId, null, null, null, null, null);
    }
}
