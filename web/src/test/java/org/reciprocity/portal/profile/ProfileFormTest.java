package org.reciprocity.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.OwnProfile;

/** The edit-profile form: read as matching-service reads it, with each mistake linked to its field. */
class ProfileFormTest {

    @Test
    void wordsTypedWithCommasBecomeTrimmedLowerCaseTagsAndNeedsEachOnce() {
        ProfileForm form = new ProfileForm();
        form.setTags(" Dog walking, KNITTING ,, dog walking;  tea   and chat ");
        form.setAccessibilityNeeds("Step-free access\nquiet place");
        form.setDistrict(" n1 ");
        Map<String, Object> request = form.request();
        assertThat(form.problems()).isEmpty();
        assertThat(strings(request.get("tags"))).containsExactly("dog walking", "knitting", "tea and chat");
        assertThat(strings(request.get("accessibilityNeeds"))).containsExactly("step-free access", "quiet place");
        assertThat(request.get("district")).isEqualTo("N1");
    }

    @Test
    void theRequestNamesEveryFieldAsThePutReplacesThemAllAndAnEmptyAreaIsNone() {
        ProfileForm form = new ProfileForm();
        form.setSkills(List.of("gardening"));
        form.setAvailability(List.of("TUESDAY_AFTERNOON"));
        form.setModes(List.of("REMOTE"));
        form.setShared(List.of("district", "availability"));
        form.setLanguages(List.of("en", "ar"));
        Map<String, Object> request = form.request();
        assertThat(request).containsOnlyKeys("skills", "tags", "languages", "availability", "district", "modes",
                "accessibilityNeeds", "sharedWithMembers");
        assertThat(request.get("district")).isNull();
        assertThat(strings(request.get("sharedWithMembers"))).containsExactly("district", "availability");
        assertThat(strings(request.get("availability"))).containsExactly("TUESDAY_AFTERNOON");
    }

    @Test
    void eachMistakeIsLinkedToItsField() {
        ProfileForm form = new ProfileForm();
        form.setSkills(List.of("juggling"));
        form.setTags("café!");
        form.setLanguages(List.of("English"));
        form.setAvailability(List.of("FUNDAY_MORNING"));
        form.setDistrict("12 High Street");
        form.setModes(List.of("TELEPATHY"));
        form.setAccessibilityNeeds("wheelchair user's access");
        form.setShared(List.of("kind"));
        assertThat(form.problems()).extracting(PageError::field).containsExactly("skills", "tags", "languages",
                "availability", "district", "modes", "accessibilityNeeds", "shared");
        assertThat(form.problems()).extracting(PageError::text).contains("profile.error.district", "profile.error.needs");
    }

    @Test
    void tooManyTagsOrNeedsAreRefusedLikeMatchingDoes() {
        ProfileForm form = new ProfileForm();
        form.setTags("a, b, c, d, e, f, g, h, i, j, k, l, m");
        form.setAccessibilityNeeds("a, b, c, d, e, f, g, h, i, j, k");
        assertThat(form.problems()).extracting(PageError::text)
                .containsExactly("profile.error.tooManyTags", "profile.error.tooManyNeeds");
    }

    @Test
    void theFormStartsFromTheProfileAsItIs() {
        OwnProfile profile = new OwnProfile("ana", "Ana", Set.of("fr"), Set.of("cooking"), Set.of("soup"), "M14",
                Set.of("MONDAY_EVENING"), Set.of("GROUP"), Set.of("quiet place"), false, Set.of("modes"));
        ProfileForm form = ProfileForm.of(profile);
        assertThat(form.getSkills()).containsExactly("cooking");
        assertThat(form.getTags()).isEqualTo("soup");
        assertThat(form.getDistrict()).isEqualTo("M14");
        assertThat(form.getAvailability()).containsExactly("MONDAY_EVENING");
        assertThat(form.getShared()).containsExactly("modes");
        assertThat(form.problems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(Object value) {
        return (Set<String>) value;
    }

    @Test
    void theWeekHasTwentyOneSlotsNamedAsMatchingNamesThem() {
        assertThat(ProfileForm.slots()).hasSize(21).startsWith("MONDAY_MORNING").endsWith("SUNDAY_EVENING");
    }

    @Test
    void refusalsOfMatchingAreLinkedToTheirField() {
        assertThat(EditProfileController.fieldOf("unknown-district")).isEqualTo("district");
        assertThat(EditProfileController.fieldOf("not-a-tag")).isEqualTo("tags");
        assertThat(EditProfileController.fieldOf("not-an-access-need")).isEqualTo("accessibilityNeeds");
        assertThat(EditProfileController.fieldOf("something-else")).isNull();
    }
}
