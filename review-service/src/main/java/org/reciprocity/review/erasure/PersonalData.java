package org.reciprocity.review.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.reciprocity.review.facts.Fact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * Every document of the review's projections that is about one member, by collection: those that
 * {@link Fact#forget} would delete or change for them, which is what the erasure does to them
 * ({@link ReviewErasure}), so the export and the erasure cannot disagree. The erased figures hold
 * no member id, so nothing there is anyone's.
 */
public final class PersonalData {

    private final ReviewFacts facts;

    public PersonalData(ReviewFacts facts) {
        this.facts = facts;
    }

    public Map<String, List<Object>> find(String timebankId, String memberId) {
        Predicate<String> them = memberId::equals;
        Map<String, List<Object>> found = new LinkedHashMap<>();
        List<FactStore<?>> stores = facts.stores();
        for (int i = 0; i < stores.size(); i++) {
            List<Object> theirs = new ArrayList<>();
            for (Fact<?> fact : stores.get(i).withPrefix(Keys.timebank(timebankId))) {
                if (!fact.equals(fact.forget(them))) {
                    // with the document's id, so the member (and a test) can tell which document each is
                    theirs.add(Map.of("_id", fact.id(), "document", fact));
                }
            }
            found.put(ReviewFacts.COLLECTIONS.get(i), theirs);
        }
        return found;
    }
}
