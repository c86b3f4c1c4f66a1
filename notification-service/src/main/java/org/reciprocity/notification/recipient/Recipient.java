package org.reciprocity.notification.recipient;

import org.reciprocity.contracts.member.MemberRegistered;

/** Someone notifications can reach: their name to greet them, their e-mail if any, their language. */
public record Recipient(String memberId, String timebankId, String displayName, String email, String language) {

    static Recipient from(MemberRegistered event) {
        return new Recipient(event.memberId(), event.timebankId(), event.displayName(), event.email(), event.language());
    }
}
