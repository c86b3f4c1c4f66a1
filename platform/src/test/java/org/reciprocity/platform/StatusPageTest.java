package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The status page as a person reads it: plain times, exit codes in words, and a layout that fits a phone. */
class StatusPageTest {

    private static final List<Supervised.Status> PROCESSES = List.of(
            new Supervised.Status("launcher (store, mail, these pages)", 100L, Supervised.State.RUNNING,
                    Instant.now().minusSeconds(30), 0, null, null),
            new Supervised.Status("kafka", 200L, Supervised.State.RUNNING, Instant.now().minusSeconds(5), 1, 137, "kafka.log"),
            new Supervised.Status("ledger-service", null, Supervised.State.WAITING_TO_RESTART, Instant.now(), 2, 1, "l.log"));

    @Test
    void timesAreClockTimesWithHowLongAgoNotIsoStamps() {
        assertThat(StatusPage.when(Instant.parse("2026-12-01T14:03:07.123Z"), Instant.parse("2026-12-01T15:00:00Z")))
                .isEqualTo("14:03:07");
        assertThat(StatusPage.when(Instant.parse("2026-11-30T14:03:07Z"), Instant.parse("2026-12-01T15:00:00Z")))
                .isEqualTo("30 Nov 14:03:07");
        assertThat(StatusPage.html(PROCESSES)).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    void howAProcessLastStoppedIsSaidInWords() {
        assertThat(StatusPage.howItStopped(null)).isEqualTo("has not stopped");
        assertThat(StatusPage.howItStopped(137)).isEqualTo("killed (exit code 137)");
        assertThat(StatusPage.howItStopped(1)).isEqualTo("failed (exit code 1)");
    }

    @Test
    void onAPhoneEachCellKeepsItsLabelAndThePageFitsTheScreen() {
        String page = StatusPage.html(PROCESSES);

        assertThat(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("@media (max-width:640px)").contains("td::before{content:attr(data-label)");
        assertThat(page.split("<td ", -1)).hasSize(1 + PROCESSES.size() * 6);
        assertThat(page.split("<td data-label=\"", -1)).hasSize(1 + PROCESSES.size() * 6);
    }
}
