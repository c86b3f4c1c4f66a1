package org.reciprocity.notification.erasure;

import org.reciprocity.notification.recipient.Recipients;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A timebank's contact (in every e-mail's footer) names its coordinators as an admin typed them. When a
 * member whose name or e-mail is in it is erased, the coordinators' part of it is cleared (the support
 * line stays); the admin sets it again. Heard just before the recipient's details are blanked, while
 * they can still be matched, whether the erasure came on the details topic or as {@code MemberErased}.
 */
@Component
class ContactErasure {

    private final MongoTemplate mongo;
    private final PersonalData personalData;

    ContactErasure(MongoTemplate mongo, PersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    @EventListener
    void erased(Recipients.DetailsErased erased) {
        personalData.contactNaming(erased.timebankId(), erased.displayName(), erased.email()).ifPresent(contact ->
                mongo.updateFirst(Query.query(Criteria.where("_id").is(contact.get("_id"))), new Update()
                        .unset("coordinatorsName").unset("coordinatorsEmail").unset("coordinatorsPhone"),
                        PersonalData.TIMEBANK_CONTACTS));
    }
}
