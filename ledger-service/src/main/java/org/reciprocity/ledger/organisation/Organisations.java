package org.reciprocity.ledger.organisation;

import java.util.List;
import java.util.TreeSet;

import org.bson.Document;
import org.reciprocity.kit.web.ApiException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Organisation accounts and the staff each lists: the people who may record and confirm the group
 * work the organisation receives. The role STAFF alone does not make someone an organisation's staff.
 */
@Service
public class Organisations {

    static final String COLLECTION = "organisations";
    static final int MAX_STAFF = 200;

    private final MongoTemplate mongo;

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean isStaff(String timebankId, String organisationId, String memberId) {
        Document organisation = mongo.findById(organisationId, Document.class, COLLECTION);
        return organisation != null && timebankId.equals(organisation.getString("timebankId"))
                && organisation.getList("staffIds", String.class, List.of()).contains(memberId);
    }

    Document require(String timebankId, String organisationId) {
        Document organisation = mongo.findById(organisationId, Document.class, COLLECTION);
        if (organisation == null || !timebankId.equals(organisation.getString("timebankId"))) {
            throw ApiException.notFound("organisation", organisationId);
        }
        return organisation;
    }

    Document setStaff(String timebankId, String organisationId, List<String> staffIds) {
        require(timebankId, organisationId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(organisationId)),
                new Update().set("staffIds", List.copyOf(new TreeSet<>(staffIds))), COLLECTION);
        return require(timebankId, organisationId);
    }
}
