package org.reciprocity.ledger.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentHow;

/**
 * A member's consents as a history: every change with when, how and by whom, oldest first; the
 * newest change of a consent is its state. A consent never changed is "not asked yet": each
 * service then keeps what it did before consents were recorded (docs/personal-data.md 3.3).
 */
public record ConsentHistory(List<Change> changes) {

    /** One change: a consent given or withdrawn. */
    public record Change(Consent consent, boolean given, Instant at, ConsentHow how, String by) {
    }

    public ConsentHistory {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static ConsentHistory empty() {
        return new ConsentHistory(List.of());
    }

    /** The newest change of this consent, if it was ever given or withdrawn. */
    public Optional<Change> current(Consent consent) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).consent() == consent) {
                return Optional.of(changes.get(i));
            }
        }
        return Optional.empty();
    }

    /** Each consent's newest change; consents never changed are absent. */
    public Map<Consent, Change> currents() {
        Map<Consent, Change> all = new EnumMap<>(Consent.class);
        changes.forEach(change -> all.put(change.consent(), change));
        return all;
    }

    public boolean isGiven(Consent consent) {
        return current(consent).map(Change::given).orElse(false);
    }

    /** Withdrawn, as opposed to given or never asked. */
    public boolean isWithdrawn(Consent consent) {
        return current(consent).map(change -> !change.given()).orElse(false);
    }

    /**
     * The change that makes this consent {@code given}, or none when it is already so: saving the
     * same answer again records nothing and tells no one (the date shown stays the first one).
     */
    public Optional<Change> change(Consent consent, boolean given, ConsentHow how, String by, Instant at) {
        if (current(consent).map(c -> c.given() == given).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new Change(consent, given, at, how, by));
    }

    /** The version a history of this many changes is: each change adds one. */
    public long version() {
        return changes.size();
    }

    public ConsentHistory with(Change change) {
        List<Change> more = new ArrayList<>(changes);
        more.add(change);
        return new ConsentHistory(more);
    }
}
