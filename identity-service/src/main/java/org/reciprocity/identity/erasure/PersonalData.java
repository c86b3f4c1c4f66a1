package org.reciprocity.identity.erasure;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.EmailKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every document identity holds about one member of a timebank, by collection: their account (the
 * membership: an account is one person in one timebank, {@code <timebank>:<member>}), the e-mail
 * keys pointing at it, their passkey user, handle and credentials, their unused sign-in links and
 * welcome tokens, their links to an upstream provider. Found from the account document, so the
 * erasure deletes the account last: a crash before that finds everything again. The export and the
 * erasure both read it here, so they cannot disagree.
 */
@Component
public class PersonalData {

    public static final List<String> COLLECTIONS = List.of(Accounts.COLLECTION, "account_emails", "passkey_users",
            "passkey_handles", "passkey_credentials", "sign_in_links", "welcome_tokens", "upstream_links");

    private final MongoTemplate mongo;

    public PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** By collection, in {@link #COLLECTIONS}' order; empty lists where nothing is held. */
    public Map<String, List<Document>> find(String timebankId, String memberId) {
        Map<String, List<Document>> found = new LinkedHashMap<>();
        COLLECTIONS.forEach(c -> found.put(c, new ArrayList<>()));
        String accountId = Account.key(timebankId, memberId);
        Document account = mongo.getCollection(Accounts.COLLECTION).find(eq("_id", accountId)).first();
        if (account == null) {
            return found;
        }
        found.get(Accounts.COLLECTION).add(account);
        String email = account.getString("email");
        String handle = account.getString("passkeyUserId");
        List<String> names = new ArrayList<>(List.of(accountId));
        if (email != null) {
            names.add(email);
            names.add(EmailKey.normalise(email));
        }
        read(found, "account_emails", email == null ? eq("accountId", accountId)
                : or(eq("accountId", accountId), eq("_id", EmailKey.normalise(email))));
        read(found, "passkey_users", handle == null ? in("_id", names) : or(in("_id", names), eq("handle", handle)));
        if (handle != null) {
            read(found, "passkey_handles", eq("_id", handle));
            read(found, "passkey_credentials", eq("userId", handle));
        }
        read(found, "sign_in_links", email == null ? in("username", names)
                : or(in("username", names), regex("username", "^" + Pattern.quote(email.strip()) + "$", "i")));
        read(found, "welcome_tokens", eq("accountId", accountId));
        read(found, "upstream_links", eq("accountId", accountId));
        return found;
    }

    private void read(Map<String, List<Document>> found, String collection, Bson filter) {
        for (Document d : mongo.getCollection(collection).find(filter)) {
            if (!"account_emails".equals(collection) || d.getString("accountId") == null
                    || d.getString("accountId").equals(found.get(Accounts.COLLECTION).get(0).getString("_id"))) {
                found.get(collection).add(d); // an e-mail key now held by someone else is theirs, not this member's
            }
        }
    }
}
