package org.reciprocity.kit.erasure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What every service keeps through the service kit and must forget of an erased member: the
 * payloads of events parked after the broker refused them ({@code parked_events}), and the answers
 * kept for {@code Idempotency-Key} retries ({@code idempotency_keys}, whose bodies can name a member
 * for the day they are kept). Both are found by the member's id, which every such payload or answer
 * carries next to anything personal. Repeatable: a second run finds nothing left to change.
 */
public final class KitErasure {

    public static final String PARKED = "parked_events";
    public static final String IDEMPOTENCY = "idempotency_keys";

    private final MongoTemplate mongo;

    public KitErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Forgets the member in the kit's collections; returns the collections it checked. */
    public List<String> forget(String memberId) {
        // A parked event stays (its id, type and refusal are the record of what went wrong); its payload goes.
        Pattern mentions = Pattern.compile(Pattern.quote(memberId));
        mongo.updateMulti(Query.query(new Criteria().orOperator(Criteria.where("key").is(memberId),
                        Criteria.where("payload").regex(mentions), Criteria.where("payloadStart").regex(mentions))),
                new Update().unset("payload").unset("payloadStart").set("erased", true), PARKED);
        byte[] id = memberId.getBytes(StandardCharsets.UTF_8);
        List<Object> answersNamingThem = new ArrayList<>();
        for (Document record : mongo.findAll(Document.class, IDEMPOTENCY)) {
            if (contains(record.get("body"), id) || record.toJson().contains(memberId)) {
                answersNamingThem.add(record.get("_id"));
            }
        }
        if (!answersNamingThem.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(answersNamingThem)), IDEMPOTENCY);
        }
        return List.of(PARKED, IDEMPOTENCY);
    }

    private static boolean contains(Object body, byte[] needle) {
        byte[] haystack = body instanceof Binary binary ? binary.getData() : body instanceof byte[] bytes ? bytes : null;
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
