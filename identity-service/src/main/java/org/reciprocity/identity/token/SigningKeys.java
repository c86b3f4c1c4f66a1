package org.reciprocity.identity.token;

import java.text.ParseException;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs every token, kept in identity's Mongo. The first instance to start inserts it
 * (one conditional insert on a fixed {@code _id}); any other instance, or a second one racing it,
 * loses the insert and reads the winner's key, so every instance signs with the same key.
 */
public final class SigningKeys {

    static final String CURRENT = "current";

    @Document("signing_keys")
    record StoredKey(@Id String id, String jwk) {
    }

    private SigningKeys() {
    }

    public static RSAKey loadOrCreate(MongoTemplate mongo) {
        StoredKey stored = mongo.findById(CURRENT, StoredKey.class);
        if (stored == null) {
            try {
                mongo.insert(new StoredKey(CURRENT, generate().toJSONString()));
            } catch (DuplicateKeyException anotherInstanceWon) {
                // fine: read theirs below
            }
            stored = mongo.findById(CURRENT, StoredKey.class);
        }
        try {
            return RSAKey.parse(stored.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make a signing key", e);
        }
    }
}
