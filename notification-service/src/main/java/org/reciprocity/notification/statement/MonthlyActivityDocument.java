package org.reciprocity.notification.statement;

import java.time.YearMonth;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's month, keyed {@code <yyyy-MM>:<memberId>}. {@code revision} is how many transfers it
 * counts; the unique {_id, revision} index lets mongo-java-server serve the optimistic "update if
 * nobody counted another one meanwhile" as a direct lookup.
 */
@Document("monthly_activity")
@CompoundIndex(name = "id_revision", def = "{'_id': 1, 'revision': 1}", unique = true)
record MonthlyActivityDocument(@Id String id, String timebankId, String memberId, String month, long minutesGiven,
                               long minutesReceived, int contributionsValidated, long balanceAtEnd, long lastSequence,
                               List<Long> counted, int revision) {

    static String key(YearMonth month, String memberId) {
        return month + ":" + memberId;
    }

    static MonthlyActivityDocument of(MonthlyActivity a) {
        return new MonthlyActivityDocument(key(a.month(), a.memberId()), a.timebankId(), a.memberId(), a.month().toString(),
                a.minutesGiven(), a.minutesReceived(), a.contributionsValidated(), a.balanceAtEnd(), a.lastSequence(),
                a.counted(), a.counted().size());
    }

    MonthlyActivity toActivity() {
        return new MonthlyActivity(memberId, timebankId, YearMonth.parse(month), minutesGiven, minutesReceived,
                contributionsValidated, balanceAtEnd, lastSequence, counted == null ? List.of() : counted);
    }
}
