package org.reciprocity.identity.passkey;

import static org.reciprocity.identity.passkey.PasskeyUsers.decode;
import static org.reciprocity.identity.passkey.PasskeyUsers.encode;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.reciprocity.identity.account.Accounts;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Passkeys (WebAuthn credential records) in Mongo, one document per credential ({@code _id} = the
 * credential id); a person's credentials are listed on their user-handle document, so finding them
 * is by {@code _id} too. Saving one marks the account as having a passkey.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

    @Document("passkey_credentials")
    record Stored(@Id String id, String type, String userId, String publicKey, long signatureCount,
                  boolean uvInitialized, Set<String> transports, boolean backupEligible, boolean backupState,
                  String attestationObject, String attestationClientDataJSON, String label, Instant created,
                  Instant lastUsed) {
    }

    private final MongoTemplate mongo;
    private final PasskeyUsers users;
    private final Accounts accounts;

    PasskeyCredentials(MongoTemplate mongo, PasskeyUsers users, Accounts accounts) {
        this.mongo = mongo;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void save(CredentialRecord record) {
        mongo.save(new Stored(encode(record.getCredentialId()), record.getCredentialType().getValue(),
                encode(record.getUserEntityUserId()), encode(new Bytes(record.getPublicKey().getBytes())),
                record.getSignatureCount(), record.isUvInitialized(),
                record.getTransports() == null ? Set.of() : record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.toSet()),
                record.isBackupEligible(), record.isBackupState(), orNull(record.getAttestationObject()),
                orNull(record.getAttestationClientDataJSON()), record.getLabel(), record.getCreated(), record.getLastUsed()));
        users.addCredential(record.getUserEntityUserId(), record.getCredentialId());
        PasskeyUsers.ByHandle owner = users.handle(record.getUserEntityUserId());
        if (owner != null) {
            accounts.setPasskeyUserId(owner.name(), encode(record.getUserEntityUserId()));
        }
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        Stored stored = mongo.findById(encode(credentialId), Stored.class);
        return stored == null ? null : record(stored);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        PasskeyUsers.ByHandle owner = users.handle(userId);
        if (owner == null || owner.credentials() == null) {
            return List.of();
        }
        return owner.credentials().stream().map(id -> mongo.findById(id, Stored.class)).filter(Objects::nonNull)
                .map(PasskeyCredentials::record).toList();
    }

    @Override
    public void delete(Bytes credentialId) {
        Stored removed = mongo.findAndRemove(Query.query(where("_id").is(encode(credentialId))), Stored.class);
        if (removed != null) {
            users.removeCredential(decode(removed.userId()), credentialId);
        }
    }

    private static CredentialRecord record(Stored s) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.valueOf(s.type()))
                .credentialId(decode(s.id()))
                .userEntityUserId(decode(s.userId()))
                .publicKey(new ImmutablePublicKeyCose(decode(s.publicKey()).getBytes()))
                .signatureCount(s.signatureCount())
                .uvInitialized(s.uvInitialized())
                .transports(s.transports() == null ? Set.of() : s.transports().stream().map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()))
                .backupEligible(s.backupEligible())
                .backupState(s.backupState())
                .attestationObject(s.attestationObject() == null ? null : decode(s.attestationObject()))
                .attestationClientDataJSON(s.attestationClientDataJSON() == null ? null : decode(s.attestationClientDataJSON()))
                .label(s.label())
                .created(s.created())
                .lastUsed(s.lastUsed())
                .build();
    }

    private static String orNull(Bytes bytes) {
        return bytes == null ? null : encode(bytes);
    }
}
