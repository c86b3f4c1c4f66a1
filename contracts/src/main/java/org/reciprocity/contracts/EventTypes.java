package org.reciprocity.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/** Every event type the platform publishes, by name and by record. */
public final class EventTypes {

    private static final List<EventType> ALL = Stream.of(LedgerContracts.TYPES, MatchingContracts.TYPES,
            NotificationContracts.TYPES, IdentityContracts.TYPES,
            PersonalDataContracts.TYPES).flatMap(List::stream).toList();

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not a registered event type");
        }
        return type;
    }
}
