package org.reciprocity.portal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.layout.PageError;

class ListingFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aFilledFormBecomesWhatMatchingReadsInWholeMinutesLastingToTheEndOfItsDay() {
        ListingForm form = filled();
        assertThat(form.problems(true, TODAY)).isEmpty();
        Map<String, Object> sent = form.content(PARIS, true);
        assertThat(sent).containsEntry("kind", "NEED").containsEntry("title", "A walk and a chat")
                .containsEntry("category", "befriending").containsEntry("estimatedMinutes", 90L)
                .containsEntry("mode", "IN_PERSON").containsEntry("district", "N1")
                .containsEntry("recurrence", "WEEKLY").containsEntry("accessibility", List.of("step-free"))
                .containsEntry("expiresAt", "2026-12-31T23:00:00Z");
        assertThat(form.content(PARIS, false)).doesNotContainKey("kind");
    }

    @Test
    void theTimeIsWholeHoursAndMinutesFromAQuarterOfAnHourToEightHours() {
        assertThat(problemsWithTime("0", "15")).isEmpty();
        assertThat(problemsWithTime("8", "0")).isEmpty();
        assertThat(problemsWithTime("", "45")).isEmpty();
        assertThat(problemsWithTime("1.5", "")).containsExactly("hours");
        assertThat(problemsWithTime("0", "10")).containsExactly("hours");
        assertThat(problemsWithTime("8", "1")).containsExactly("hours");
        assertThat(problemsWithTime("1", "60")).containsExactly("hours");
        assertThat(problemsWithTime("-1", "0")).containsExactly("hours");
    }

    @Test
    void anAreaIsNeededExceptOnlineOrByPhone() {
        ListingForm remote = filled();
        remote.setMode("REMOTE");
        remote.setDistrict("");
        assertThat(remote.problems(true, TODAY)).isEmpty();
        assertThat(remote.content(PARIS, true)).containsEntry("district", null);
        ListingForm inPerson = filled();
        inPerson.setDistrict("");
        assertThat(fields(inPerson)).containsExactly("district");
        inPerson.setDistrict("not a postcode");
        assertThat(fields(inPerson)).containsExactly("district");
        inPerson.setDistrict(" m14 ");
        assertThat(inPerson.content(PARIS, true)).containsEntry("district", "M14");
    }

    @Test
    void theExpiryIsARealDayFromTodayToAYearAhead() {
        ListingForm form = filled();
        form.expires(TODAY);
        assertThat(fields(form)).isEmpty();
        form.expires(TODAY.minusDays(1));
        assertThat(fields(form)).containsExactly("expires-day");
        form.expires(TODAY.plusYears(1));
        assertThat(fields(form)).containsExactly("expires-day");
        form.setExpiresMonth("13");
        assertThat(fields(form)).containsExactly("expires-day");
    }

    @Test
    void everythingMissingIsListedOnceAndValuesNotOnTheListsAreRefused() {
        ListingForm empty = new ListingForm();
        assertThat(fields(empty)).containsExactly("kind", "title", "category", "hours", "mode", "expires-day");
        ListingForm odd = filled();
        odd.setCategory("knitting");
        odd.setRecurrence("DAILY");
        odd.setAccessibility(List.of("teleport"));
        assertThat(fields(odd)).containsExactly("category", "recurrence", "accessibility");
    }

    @Test
    void aListingFillsTheFormToChangeIt() {
        BoardServices.Listing listing = new BoardServices.Listing("l1", "OFFER", "ana", "Gardening", "Weeding",
                "gardening", Set.of(), 135L, "GROUP", "M14", null, Set.of("bsl"),
                Instant.parse("2027-01-10T23:00:00Z"), "OPEN", null);
        ListingForm form = ListingForm.of(listing, PARIS);
        assertThat(form.getHours()).isEqualTo("2");
        assertThat(form.getMinutes()).isEqualTo("15");
        assertThat(form.expires()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(form.problems(false, TODAY)).isEmpty();
        assertThat(form.content(PARIS, false)).containsEntry("expiresAt", "2027-01-10T23:00:00Z")
                .containsEntry("estimatedMinutes", 135L);
    }

    private static List<String> problemsWithTime(String hours, String minutes) {
        ListingForm form = filled();
        form.setHours(hours);
        form.setMinutes(minutes);
        return fields(form);
    }

    private static List<String> fields(ListingForm form) {
        return form.problems(true, TODAY).stream().map(PageError::field).toList();
    }

    static ListingForm filled() {
        ListingForm form = new ListingForm();
        form.setKind("NEED");
        form.setTitle(" A walk and a chat ");
        form.setCategory("befriending");
        form.setHours("1");
        form.setMinutes("30");
        form.setMode("IN_PERSON");
        form.setDistrict("n1");
        form.setRecurrence("WEEKLY");
        form.setAccessibility(List.of("step-free"));
        form.expires(LocalDate.of(2026, 12, 31));
        return form;
    }
}
