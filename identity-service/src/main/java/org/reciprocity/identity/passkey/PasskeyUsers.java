package org.reciprocity.identity.passkey;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user entities in Mongo, found by either key through {@code _id} alone: one document
 * per account ({@code _id} = the account key) and one per user handle ({@code _id} = the handle,
 * which also lists that person's credential ids). The handle is random, never the e-mail.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    @Document("passkey_users")
    record ByName(@Id String id, String handle, String displayName) {
    }

    @Document("passkey_handles")
    record ByHandle(@Id String id, String name, String displayName, List<String> credentials) {
    }

    private final MongoTemplate mongo;

    PasskeyUsers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        ByHandle found = mongo.findById(encode(id), ByHandle.class);
        return found == null ? null : entity(found.id(), found.name(), found.displayName());
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        ByName found = mongo.findById(username, ByName.class);
        return found == null ? null : entity(found.handle(), found.id(), found.displayName());
    }

    @Override
    public void save(PublicKeyCredentialUserEntity user) {
        String handle = encode(user.getId());
        // the handle document first: a name that points at a missing handle is never written
        mongo.upsert(Query.query(where("_id").is(handle)),
                new Update().set("name", user.getName()).set("displayName", user.getDisplayName())
                        .setOnInsert("credentials", new ArrayList<String>()), ByHandle.class);
        try {
            mongo.insert(new ByName(user.getName(), handle, user.getDisplayName()));
        } catch (DuplicateKeyException alreadyThere) {
            // one user entity per account: the first one stays
        }
    }

    @Override
    public void delete(Bytes id) {
        ByHandle removed = mongo.findAndRemove(Query.query(where("_id").is(encode(id))), ByHandle.class);
        if (removed != null) {
            mongo.remove(Query.query(where("_id").is(removed.name()).and("handle").is(removed.id())), ByName.class);
        }
    }

    /** The account a user handle belongs to, and the credentials registered under it. */
    ByHandle handle(Bytes id) {
        return mongo.findById(encode(id), ByHandle.class);
    }

    void addCredential(Bytes userId, Bytes credentialId) {
        mongo.updateFirst(Query.query(where("_id").is(encode(userId))),
                new Update().addToSet("credentials", encode(credentialId)), ByHandle.class);
    }

    void removeCredential(Bytes userId, Bytes credentialId) {
        mongo.updateFirst(Query.query(where("_id").is(encode(userId))),
                new Update().pull("credentials", encode(credentialId)), ByHandle.class);
    }

    private static PublicKeyCredentialUserEntity entity(String handle, String name, String displayName) {
        return ImmutablePublicKeyCredentialUserEntity.builder().id(decode(handle)).name(name).displayName(displayName).build();
    }

    static String encode(Bytes bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.getBytes());
    }

    static Bytes decode(String base64url) {
        return new Bytes(Base64.getUrlDecoder().decode(base64url));
    }
}
