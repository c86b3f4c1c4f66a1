package org.reciprocity.notification.preference;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.notification.support.LookupCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Members' preferences, created with defaults (and an unsubscribe secret) the first time they are needed. */
@Service
public class PreferenceStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final LookupCache<Preferences> cache;

    PreferenceStore(MongoTemplate mongo, @Value("${reciprocity.notification.lookup-cache-ttl:1s}") Duration cacheTtl) {
        this.mongo = mongo;
        this.cache = new LookupCache<>(cacheTtl);
    }

    /**
     * The member's preferences, created if missing. The upsert sets the token only on insert, so two
     * instances creating them at once agree on one token.
     */
    public Preferences of(String memberId, String timebankId) {
        PreferencesDocument existing = mongo.findById(memberId, PreferencesDocument.class);
        if (existing != null) {
            return existing.toPreferences();
        }
        Preferences created = mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId)),
                new Update().setOnInsert("timebankId", timebankId).setOnInsert("digest", false)
                        .setOnInsert("unsubscribeToken", newToken()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), PreferencesDocument.class).toPreferences();
        cache.evict(memberId);
        return created;
    }

    /**
     * Stored preferences by member id; members without any follow the defaults. Through a lookup
     * cache: a change saved here is seen at once, one saved by another instance within its ttl.
     */
    public Map<String, Preferences> findAll(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return cache.getAll(memberIds, ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)),
                        PreferencesDocument.class).stream()
                .map(PreferencesDocument::toPreferences)
                .collect(Collectors.toMap(Preferences::memberId, Function.identity())));
    }

    /**
     * Issue 18: those of these members who withdrew their consent EMAIL_ME (see {@link EmailConsent}):
     * no e-mail reaches them while it is so. Never asked or given: their channel choices decide.
     */
    public Set<String> emailWithdrawn(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        Query withdrawn = Query.query(Criteria.where("_id").in(memberIds).and("given").is(false));
        withdrawn.fields().include("_id");
        return mongo.find(withdrawn, org.bson.Document.class, EmailConsent.COLLECTION).stream()
                .map(d -> d.getString("_id")).collect(Collectors.toUnmodifiableSet());
    }

    void evict(String memberId) {
        cache.evict(memberId);
    }

    public void save(Preferences preferences) {
        mongo.save(PreferencesDocument.of(preferences));
        cache.evict(preferences.memberId());
    }

    public Optional<Preferences> byUnsubscribeToken(String token) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("unsubscribeToken").is(token)),
                PreferencesDocument.class)).map(PreferencesDocument::toPreferences);
    }

    /** 256 random bits: a link nobody can guess, and that needs no sign-in. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
