package org.reciprocity.matching.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.MatchingRefusal;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Issue 18: members' names for the portal to show instead of ids, many in one call, and nothing else —
 * the name is what every member of the timebank may see of another, so any member may ask, and
 * reading names is not a look at anyone's profile (that one, {@code READ_PROFILE}, is kept for the
 * member when a coordinator, staff or an admin reads it). Answered from the profiles collection,
 * which the compacted details topic fills for every member, with or without a profile of their own;
 * an erased member answers as erased, without a name. Ids matching does not know in this timebank
 * are left out.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/names")
class NamesController {

    /** The most ids one call may ask about: a page's worth of names. */
    static final int MOST = 100;

    private final MongoTemplate mongo;

    NamesController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @Access("READ_NAMES")
    List<Name> names(@PathVariable String timebankId, @RequestParam(defaultValue = "") String ids) {
        Set<String> wanted = new LinkedHashSet<>();
        Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(wanted::add);
        if (wanted.size() > MOST) {
            throw ApiException.of(MatchingRefusal.TOO_MANY_NAMES, "most", MOST);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(wanted).and("timebankId").is(timebankId));
        query.fields().include("displayName").include("erased");
        List<Name> names = new ArrayList<>();
        for (Document profile : mongo.find(query, Document.class, Profiles.COLLECTION)) {
            boolean erased = Boolean.TRUE.equals(profile.getBoolean("erased"));
            String name = erased ? null : profile.getString("displayName");
            if (erased || name != null) {
                names.add(new Name(profile.getString("_id"), name, erased ? Boolean.TRUE : null));
            }
        }
        return names;
    }

    /** A member's name, or only {@code erased: true} for a member whose data was erased. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Name(String memberId, String displayName, Boolean erased) {
    }
}
