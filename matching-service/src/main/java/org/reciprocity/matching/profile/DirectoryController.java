package org.reciprocity.matching.profile;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Find a member by name, for the portal's "with whom?": only the id and the name they go by, which every
 * member of the timebank may see of another (the privacy rule's {@code displayName}). Suspended members
 * are left out; a paused member is still found, since time they gave before pausing can still be logged.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/directory")
class DirectoryController {

    static final int MOST = 20;
    private final Profiles profiles;

    DirectoryController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Access("SEARCH_DIRECTORY")
    List<DirectoryEntry> find(@PathVariable String timebankId, @RequestParam(defaultValue = "") String name) {
        String wanted = folded(name);
        if (wanted.length() < 2 || wanted.length() > 80) {
            return List.of();
        }
        return profiles.inTimebank(timebankId).stream()
                .filter(p -> !p.suspended() && p.displayName() != null && folded(p.displayName()).contains(wanted))
                .sorted(Comparator.comparing((Profile p) -> !folded(p.displayName()).startsWith(wanted))
                        .thenComparing(p -> folded(p.displayName())))
                .limit(MOST)
                .map(p -> new DirectoryEntry(p.memberId(), p.displayName()))
                .toList();
    }

    /** Lower case without accents, so "zoe" finds "Zoé". */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    record DirectoryEntry(String memberId, String displayName) {
    }
}
