package org.reciprocity.notification.contact;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** Each timebank's contact, one document per timebank in notification's own store, replaced whole. */
@Component
public class TimebankContacts {

    private final MongoTemplate mongo;

    TimebankContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public TimebankContact of(String timebankId) {
        ContactDocument found = mongo.findById(timebankId, ContactDocument.class);
        return found == null ? TimebankContact.none(timebankId) : found.toContact();
    }

    void save(TimebankContact contact) {
        mongo.save(ContactDocument.of(contact));
    }

    @Document("timebank_contacts")
    record ContactDocument(@Id String timebankId, String coordinatorsName, String coordinatorsEmail,
                           String coordinatorsPhone, String supportWords, String supportPhone) {

        static ContactDocument of(TimebankContact c) {
            return new ContactDocument(c.timebankId(), c.coordinatorsName(), c.coordinatorsEmail(), c.coordinatorsPhone(),
                    c.supportWords(), c.supportPhone());
        }

        TimebankContact toContact() {
            return new TimebankContact(timebankId, coordinatorsName, coordinatorsEmail, coordinatorsPhone, supportWords,
                    supportPhone);
        }
    }
}
