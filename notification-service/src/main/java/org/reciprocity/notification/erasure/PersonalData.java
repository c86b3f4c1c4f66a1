package org.reciprocity.notification.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.notification.message.MessageKind;
import org.reciprocity.notification.message.Notices;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Everything notification-service holds about one member, collection by collection (issue 18,
 * docs/personal-data.md 3.1 and 3.2). The erasure deletes or blanks exactly what these queries find,
 * and the export shows exactly what they find, so the two cannot disagree.
 *
 * <p>The member's own documents: their recipient record, preferences, consent to e-mail, inbox items
 * and the notes of which of them ask to confirm a contribution, monthly figures, deliveries to them,
 * the looks at their contact details, their place among a timebank's coordinators, the contributions
 * waiting in a coordinators' queue (ids and minutes), a timebank contact naming them, and events of
 * theirs the broker refused. Other members' messages that name them ({@link #mentioning}) belong to
 * those members: the erasure takes the member out of them, the export does not show them.
 */
@Component
public class PersonalData {

    public static final String RECIPIENTS = "recipients";
    public static final String PREFERENCES = "preferences";
    public static final String EMAIL_CONSENTS = "email_consents";
    public static final String INBOX_ITEMS = "inbox_items";
    public static final String INBOX_REQUESTS = "inbox_requests";
    public static final String MONTHLY_ACTIVITY = "monthly_activity";
    public static final String DELIVERIES = "deliveries";
    public static final String TIMEBANK_CONTACTS = "timebank_contacts";
    public static final String TIMEBANKS = "timebanks";
    public static final String QUEUE = "queue_contributions";

    /** Where messages live: the inbox and the outbound delivery log, each with its recipient field. */
    static final Map<String, String> MESSAGES = Map.of(INBOX_ITEMS, "memberId", DELIVERIES, "recipientId");

    private final MongoTemplate mongo;

    PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every document held about the member, by collection; collections holding none are left out. */
    public Map<String, List<Document>> find(String timebankId, String memberId) {
        Map<String, List<Document>> found = new LinkedHashMap<>();
        owned(timebankId, memberId).forEach((collection, query) -> add(found, collection, mongo.find(query,
                Document.class, collection)));
        add(found, TIMEBANK_CONTACTS, contactNaming(timebankId, memberId).map(List::of).orElse(List.of()));
        add(found, KitErasure.PARKED, mongo.find(Query.query(Criteria.where("key").is(memberId)), Document.class,
                KitErasure.PARKED));
        // other members' messages that name them: that they do, and what kind of message when, never the other's words
        MESSAGES.keySet().forEach(collection -> add(found, collection, mentioning(collection, timebankId, memberId).stream()
                .map(PersonalData::mentionOnly).toList()));
        return found;
    }

    /** Of another member's message that names the member: its id, kind and time only. */
    private static Document mentionOnly(Document message) {
        return new Document("_id", message.get("_id")).append("kind", message.get("kind"))
                .append("occurredAt", message.get("occurredAt")).append("toAnotherMemberNamingYou", true);
    }

    /**
     * The member's own documents, by collection: what the erasure deletes (the recipient record is
     * blanked to ids instead, and the timebank and queue are changed, not deleted: see {@link NotificationErasure}).
     */
    Map<String, Query> owned(String timebankId, String memberId) {
        Map<String, Query> owned = new LinkedHashMap<>();
        owned.put(RECIPIENTS, byId(memberId));
        owned.put(PREFERENCES, byId(memberId));
        owned.put(EMAIL_CONSENTS, byId(memberId));
        owned.put(INBOX_ITEMS, Query.query(Criteria.where("memberId").is(memberId)));
        owned.put(INBOX_REQUESTS, requestsOf(memberId));
        owned.put(MONTHLY_ACTIVITY, Query.query(Criteria.where("memberId").is(memberId)));
        owned.put(DELIVERIES, Query.query(Criteria.where("recipientId").is(memberId)));
        owned.put(ReadLog.COLLECTION, Query.query(Criteria.where("memberId").is(memberId).and("timebankId").is(timebankId)));
        owned.put(TIMEBANKS, Query.query(Criteria.where("_id").is(timebankId).and("coordinators").is(memberId)));
        owned.put(QUEUE, Query.query(new Criteria().orOperator(Criteria.where("giverId").is(memberId),
                Criteria.where("receiverId").is(memberId))));
        owned.put(ErasureConfirmations.COLLECTION, byId(timebankId + "/" + memberId));
        return owned;
    }

    /** The notes of which inbox items ask to confirm a contribution that list one of the member's items. */
    static Query requestsOf(String memberId) {
        return Query.query(Criteria.where("items").regex(itemOf(memberId)));
    }

    /** An inbox item's id is {@code <event>:<member>:INBOX}. */
    static Pattern itemOf(String memberId) {
        return Pattern.compile(":" + Pattern.quote(memberId) + ":INBOX$");
    }

    /**
     * Other members' messages ({@code collection}: inbox items or deliveries) whose words name the
     * member: as the other person, the second one, or in a list (a coordinator's digest).
     */
    List<Document> mentioning(String collection, String timebankId, String memberId) {
        String recipientField = MESSAGES.get(collection);
        Query candidates = Query.query(new Criteria().andOperator(Criteria.where("timebankId").is(timebankId),
                Criteria.where(recipientField).ne(memberId),
                new Criteria().orOperator(Criteria.where("params." + Notices.OTHER).is(memberId),
                        Criteria.where("params." + Notices.SECOND).is(memberId),
                        Criteria.where("kind").is(MessageKind.QUEUE_DIGEST.name()))));
        List<Document> naming = new ArrayList<>();
        for (Document message : mongo.find(candidates, Document.class, collection)) {
            if (Notices.mentioned(params(message)).contains(memberId)) {
                naming.add(message);
            }
        }
        return naming;
    }

    /** A message's parameters as stored. */
    static Map<String, String> params(Document message) {
        Map<String, String> params = new LinkedHashMap<>();
        Object stored = message.get("params");
        if (stored instanceof Document document) {
            document.forEach((key, value) -> params.put(key, value == null ? null : value.toString()));
        }
        return params;
    }

    /**
     * The timebank's contact, if its coordinators' name or e-mail is the member's (an admin typed them
     * in: they are matched by the member's name and e-mail as notification holds them).
     */
    java.util.Optional<Document> contactNaming(String timebankId, String memberId) {
        Document recipient = mongo.findById(memberId, Document.class, RECIPIENTS);
        if (recipient == null) {
            return java.util.Optional.empty();
        }
        return contactNaming(timebankId, recipient.getString("displayName"), recipient.getString("email"));
    }

    java.util.Optional<Document> contactNaming(String timebankId, String displayName, String email) {
        Document contact = mongo.findById(timebankId, Document.class, TIMEBANK_CONTACTS);
        if (contact == null) {
            return java.util.Optional.empty();
        }
        boolean names = contains(contact.getString("coordinatorsName"), displayName)
                || contains(contact.getString("coordinatorsEmail"), email)
                || contains(contact.getString("coordinatorsName"), email)
                || contains(contact.getString("coordinatorsEmail"), displayName);
        return names ? java.util.Optional.of(contact) : java.util.Optional.empty();
    }

    private static boolean contains(String text, String part) {
        return text != null && part != null && !part.isBlank()
                && text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }

    private static void add(Map<String, List<Document>> found, String collection, List<Document> documents) {
        if (!documents.isEmpty()) {
            found.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(documents);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
