package org.reciprocity.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The topic catalogue. A topic name, once published, is never renamed: consumers outside this
 * repository may read it. Every topic has a dead-letter twin named {@code <topic>-dlt}. Each owning
 * service's topics are declared with its event types ({@link LedgerContracts},
 * {@link MatchingContracts}, {@link NotificationContracts}, {@link IdentityContracts}).
 */
public final class Topics {

    public static final String LEDGER = "ledger-service";
    public static final String MATCHING = "matching-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String IDENTITY = "identity-service";

    /** Topic names as constants, for annotations such as {@code @KafkaListener(topics = ...)}. */
    public static final String TIMEBANKS_TOPIC = "reciprocity.timebanks.v1";
    public static final String MEMBERS_TOPIC = "reciprocity.members.v1";
    public static final String CONTRIBUTIONS_TOPIC = "reciprocity.contributions.v1";
    public static final String LEDGER_TOPIC = "reciprocity.ledger.v1";
    public static final String LEDGER_CHECKPOINTS_TOPIC = "reciprocity.ledger-checkpoints.v1";
    public static final String LISTINGS_TOPIC = "reciprocity.listings.v1";
    public static final String MATCHES_TOPIC = "reciprocity.matches.v1";
    public static final String PROFILES_TOPIC = "reciprocity.profiles.v1";
    public static final String NOTIFICATIONS_TOPIC = "reciprocity.notifications.v1";
    public static final String INVITATIONS_TOPIC = "reciprocity.invitations.v1";
    public static final String PERSONAL_DATA_TOPIC = "reciprocity.personal-data.v1";
    public static final String MEMBER_DETAILS_TOPIC = "reciprocity.member-details.v1";
    public static final String ERASURE_CONFIRMATIONS_TOPIC = "reciprocity.erasure-confirmations.v1";

    /** The services that hold personal data and confirm an erasure ({@code ErasureConfirmed.service}). */
    public static final String REVIEW = "review-service";
    public static final List<String> HOLDERS_OF_PERSONAL_DATA = List.of(LEDGER, MATCHING, NOTIFICATION, IDENTITY, REVIEW);

    public static final Topic TIMEBANKS = LedgerContracts.TIMEBANKS;
    public static final Topic MEMBERS = LedgerContracts.MEMBERS;

    /** How long a dead-lettered record is kept for someone to look at and replay. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private Topics() {
    }

    public static List<Topic> all() {
        return Stream.of(LedgerContracts.TOPICS, MatchingContracts.TOPICS, NotificationContracts.TOPICS,
                        IdentityContracts.TOPICS, PersonalDataContracts.TOPICS)
                .flatMap(List::stream).toList();
    }

    public static Optional<Topic> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
