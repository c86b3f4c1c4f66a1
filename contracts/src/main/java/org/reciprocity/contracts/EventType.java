package org.reciprocity.contracts;

import java.util.Objects;

/**
 * The published name of an event type, its Java record and its topic. The name carries a
 * version ({@code reciprocity.TimebankOpened.v1}); a change that breaks readers gets a new
 * version, never an edit of the old one.
 */
public record EventType(String name, Class<? extends DomainEvent> javaType, Topic topic) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(topic, "topic");
        if (!name.matches("reciprocity\\.[A-Z][A-Za-z]+\\.v\\d+")) {
            throw new IllegalArgumentException("event type names look like reciprocity.Name.v1: " + name);
        }
    }
}
