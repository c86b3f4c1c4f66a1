package org.reciprocity.ledger.member;

import java.time.Clock;
import java.util.Set;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Registers members and finds them, never across timebanks. */
@Service
public class Members {

    static final String COLLECTION = "members";

    private final MongoTemplate mongo;
    private final Timebanks timebanks;
    private final OutboxRelay relay;
    private final Clock clock;

    Members(MongoTemplate mongo, Timebanks timebanks, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.timebanks = timebanks;
        this.relay = relay;
        this.clock = clock;
    }

    Member register(String timebankId, MemberKind kind, String displayName, String email, String language,
                    Set<String> roles, String registeredBy) {
        timebanks.require(timebankId);
        Member.Registered registered = Member.register(timebankId, kind, displayName, email, language, roles,
                registeredBy, clock);
        mongo.insert(MemberDocument.of(registered));
        relay.flush(COLLECTION, registered.member().id());
        return registered.member();
    }

    /** The member, if they belong to this timebank; another timebank's member is "not found". */
    public Member require(String timebankId, String memberId) {
        MemberDocument document = mongo.findById(memberId, MemberDocument.class);
        if (document == null || !document.timebankId().equals(timebankId)) {
            throw ApiException.notFound("There is no member '" + memberId + "' in this timebank.");
        }
        return document.toMember();
    }
}
