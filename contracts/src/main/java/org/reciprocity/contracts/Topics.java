package org.reciprocity.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue. A topic name, once published, is never renamed: consumers outside this
 * repository may read it. Every topic has a dead-letter twin named {@code <topic>-dlt}.
 */
public final class Topics {

    public static final String LEDGER = "ledger-service";
    public static final String MATCHING = "matching-service";
    public static final String NOTIFICATION = "notification-service";

    /** Topic names as constants, for annotations such as {@code @KafkaListener(topics = ...)}. */
    public static final String TIMEBANKS_TOPIC = "reciprocity.timebanks.v1";
    public static final String MEMBERS_TOPIC = "reciprocity.members.v1";

    public static final Topic TIMEBANKS = new Topic(TIMEBANKS_TOPIC, "timebankId", 3, null, LEDGER,
            "Timebanks opened and their policy changes.");
    public static final Topic MEMBERS = new Topic(MEMBERS_TOPIC, "memberId", 6, null, LEDGER,
            "Members registered, suspended, reactivated.");

    /** How long a dead-lettered record is kept for someone to look at and replay. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private static final List<Topic> ALL = List.of(TIMEBANKS, MEMBERS);

    private Topics() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    public static Optional<Topic> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
