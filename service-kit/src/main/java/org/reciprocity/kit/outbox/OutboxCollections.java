package org.reciprocity.kit.outbox;

import java.util.Set;

/** The collections whose documents carry an {@code outbox}; each service declares its own. */
public record OutboxCollections(Set<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(Set.of(names));
    }
}
