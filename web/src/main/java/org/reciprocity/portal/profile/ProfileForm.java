package org.reciprocity.portal.profile;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.OwnProfile;

/**
 * What a member chose on the edit-profile page, kept as typed so the page can show it back. Checked
 * here with matching-service's own rules (its {@code ProfileDetails}), so a mistake is linked to its
 * field and nothing is sent; matching checks again (it knows the districts).
 */
public class ProfileForm {

    /** The timebank's categories, worded by {@code category.<code>}. */
    static final List<String> SKILLS = org.reciprocity.portal.words.Taxonomy.CATEGORIES;
    /** Languages offered as boxes to tick (ISO 639-1), named in the reader's language; others already on a profile are kept. */
    static final List<String> LANGUAGES = List.of("en", "fr", "ar", "bn", "zh", "de", "el", "gu", "hi", "it", "ku",
            "fa", "pl", "pt", "pa", "ro", "so", "es", "ta", "ti", "tr", "uk", "ur", "cy", "bsl");
    static final List<String> PARTS = List.of("MORNING", "AFTERNOON", "EVENING");
    static final List<String> MODES = List.of("IN_PERSON", "REMOTE", "GROUP");
    /** What a member may choose to share (matching's {@code ProfileField} marked IF_CHOSEN), by API name. */
    static final List<String> SHAREABLE = List.of("district", "availability", "modes", "accessibilityNeeds", "verified");

    static final int MAX_TAGS = 12;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_NEEDS = 10;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 \\-]{0,29}");
    private static final Pattern NEED = Pattern.compile("[a-z0-9][a-z0-9 \\-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    /** A UK postcode district, the outward code: N1, M14, SW9, EC1A. */
    private static final Pattern DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");

    private List<String> skills = new ArrayList<>();
    private String tags = "";
    private List<String> languages = new ArrayList<>();
    private List<String> availability = new ArrayList<>();
    private String district = "";
    private List<String> modes = new ArrayList<>();
    private String accessibilityNeeds = "";
    private List<String> shared = new ArrayList<>();

    /** The form filled in from the profile as it is now. */
    static ProfileForm of(OwnProfile profile) {
        ProfileForm form = new ProfileForm();
        form.skills = new ArrayList<>(orEmpty(profile.skills()));
        form.tags = String.join(", ", orEmpty(profile.tags()));
        form.languages = new ArrayList<>(orEmpty(profile.languages()));
        form.availability = new ArrayList<>(orEmpty(profile.availability()));
        form.district = profile.district() == null ? "" : profile.district();
        form.modes = new ArrayList<>(orEmpty(profile.modes()));
        form.accessibilityNeeds = String.join(", ", orEmpty(profile.accessibilityNeeds()));
        form.shared = new ArrayList<>(orEmpty(profile.sharedWithMembers()));
        return form;
    }

    /** The problems, each linked to its field, with message keys; empty when the form can be sent. */
    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (!SKILLS.containsAll(skills)) {
            problems.add(new PageError("skills", "profile.error.skills"));
        }
        List<String> tagList = split(tags);
        if (tagList.stream().anyMatch(t -> !TAG.matcher(t).matches())) {
            problems.add(new PageError("tags", "profile.error.tags"));
        } else if (tagList.size() > MAX_TAGS) {
            problems.add(new PageError("tags", "profile.error.tooManyTags"));
        }
        if (languages.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            problems.add(new PageError("languages", "profile.error.languages"));
        } else if (languages.size() > MAX_LANGUAGES) {
            problems.add(new PageError("languages", "profile.error.tooManyLanguages"));
        }
        if (!slots().containsAll(availability)) {
            problems.add(new PageError("availability", "profile.error.availability"));
        }
        if (!district().isEmpty() && !DISTRICT.matcher(district()).matches()) {
            problems.add(new PageError("district", "profile.error.district"));
        }
        if (!MODES.containsAll(modes)) {
            problems.add(new PageError("modes", "profile.error.modes"));
        }
        List<String> needs = split(accessibilityNeeds);
        if (needs.stream().anyMatch(n -> !NEED.matcher(n).matches())) {
            problems.add(new PageError("accessibilityNeeds", "profile.error.needs"));
        } else if (needs.size() > MAX_NEEDS) {
            problems.add(new PageError("accessibilityNeeds", "profile.error.tooManyNeeds"));
        }
        if (!SHAREABLE.containsAll(shared)) {
            problems.add(new PageError("shared", "profile.error.shared"));
        }
        return problems;
    }

    /** The body of matching's {@code PUT /profiles/{memberId}}: every field, as the PUT replaces them all. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skills", new LinkedHashSet<>(skills));
        body.put("tags", new LinkedHashSet<>(split(tags)));
        body.put("languages", new LinkedHashSet<>(languages));
        body.put("availability", new LinkedHashSet<>(availability));
        body.put("district", district().isEmpty() ? null : district());
        body.put("modes", new LinkedHashSet<>(modes));
        body.put("accessibilityNeeds", new LinkedHashSet<>(split(accessibilityNeeds)));
        body.put("sharedWithMembers", new LinkedHashSet<>(shared));
        return body;
    }

    /** Every weekly slot, as matching names them: MONDAY_MORNING … SUNDAY_EVENING. */
    static List<String> slots() {
        List<String> slots = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            PARTS.forEach(part -> slots.add(day + "_" + part));
        }
        return slots;
    }

    /** Words typed with commas (or on separate lines) between them, lower-cased, each once. */
    static List<String> split(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(typed.split("[,;\\n]")).map(w -> w.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).forEach(words::add);
        return List.copyOf(words);
    }

    private String district() {
        return district == null ? "" : district.strip().toUpperCase(Locale.ROOT);
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }

    public List<String> getSkills() {
        return skills;
    }

    public void setSkills(List<String> skills) {
        this.skills = orEmpty(skills);
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags == null ? "" : tags;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = orEmpty(languages);
    }

    public List<String> getAvailability() {
        return availability;
    }

    public void setAvailability(List<String> availability) {
        this.availability = orEmpty(availability);
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district == null ? "" : district;
    }

    public List<String> getModes() {
        return modes;
    }

    public void setModes(List<String> modes) {
        this.modes = orEmpty(modes);
    }

    public String getAccessibilityNeeds() {
        return accessibilityNeeds;
    }

    public void setAccessibilityNeeds(String accessibilityNeeds) {
        this.accessibilityNeeds = accessibilityNeeds == null ? "" : accessibilityNeeds;
    }

    public List<String> getShared() {
        return shared;
    }

    public void setShared(List<String> shared) {
        this.shared = orEmpty(shared);
    }
}
