package org.reciprocity.portal.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What board templates call as {@code @boardWords}: a listing's last day on the board, in the timebank's zone. */
@Component("boardWords")
public class BoardWords {

    private final Zones zones;

    BoardWords(Zones zones) {
        this.zones = zones;
    }

    /**
     * A listing stays until the start of the day after the one its owner chose (see {@link ListingForm}):
     * the day shown is that chosen day, "31 December 2026", not midnight of the next.
     */
    public String lastDay(Instant expiresAt) {
        SignedIn me = SignedIn.current();
        ZoneId zone = me == null ? ZoneId.of("UTC") : zones.of(me.timebankId());
        return Dates.day(lastDay(expiresAt, zone), LocaleContextHolder.getLocale());
    }

    static LocalDate lastDay(Instant expiresAt, ZoneId zone) {
        return expiresAt.atZone(zone).minusSeconds(1).toLocalDate();
    }
}
