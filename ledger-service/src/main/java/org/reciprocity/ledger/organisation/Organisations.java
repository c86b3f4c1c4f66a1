package org.reciprocity.ledger.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bson.Document;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.audit.AdminAudit;
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

    static final int MAX_OFFERS = 50;

    private final MongoTemplate mongo;
    private final AdminAudit audit;

    Organisations(MongoTemplate mongo, AdminAudit audit) {
        this.mongo = mongo;
        this.audit = audit;
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

    /** Sets the staff and records who changed them, in one update of the organisation ({@link AdminAudit}). */
    Document setStaff(String timebankId, String organisationId, List<String> staffIds) {
        Document before = require(timebankId, organisationId);
        List<String> staff = List.copyOf(new TreeSet<>(staffIds));
        List<AdminAudit.Change> changes = new ArrayList<>();
        AdminAudit.compare(changes, "staffIds", String.join(",", before.getList("staffIds", String.class, List.of())),
                String.join(",", staff));
        Update update = new Update().set("staffIds", staff);
        if (!changes.isEmpty()) {
            AdminAudit.push(update, audit.entry("STAFF_CHANGED", organisationId, before.getString("name"), changes));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(organisationId)), update, COLLECTION);
        return require(timebankId, organisationId);
    }

    /** Renames the organisation and sets its offers, with the record of the change in the same update. */
    Document edit(String timebankId, String organisationId, String name, List<String> offers) {
        Document before = require(timebankId, organisationId);
        List<AdminAudit.Change> changes = new ArrayList<>();
        AdminAudit.compare(changes, "name", before.getString("name"), name);
        AdminAudit.compare(changes, "offers", String.join("\n", before.getList("offers", String.class, List.of())),
                String.join("\n", offers));
        if (!changes.isEmpty()) {
            Update update = new Update().set("name", name).set("offers", offers);
            AdminAudit.push(update, audit.entry("ORGANISATION_EDITED", organisationId, name, changes));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(organisationId)), update, COLLECTION);
        }
        return require(timebankId, organisationId);
    }

    /** The record of an organisation's opening, written with it (the insert is one document). */
    Document opened(String organisationId, String name, List<String> staff, List<String> offers) {
        List<AdminAudit.Change> changes = new ArrayList<>();
        AdminAudit.compare(changes, "name", "", name);
        AdminAudit.compare(changes, "staffIds", "", String.join(",", staff));
        AdminAudit.compare(changes, "offers", "", String.join("\n", offers));
        return audit.entry("ORGANISATION_OPENED", organisationId, name, changes);
    }
}
