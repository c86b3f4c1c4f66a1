package org.reciprocity.portal.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the portal reads from the services: only the fields it shows. */
public final class Dtos {

    private Dtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timebank(String id, String name, String zoneId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id, long balance, Long debitsPending, Long creditsPending) {
    }

    /** One line of a statement; {@code direction} IN is time coming to the member. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatementLine(long sequence, String postedAt, String transferId, String reason, String direction,
                                long minutes, long balanceAfter, String otherAccount, String contributionId,
                                String with, String description) {

        public boolean in() {
            return "IN".equals(direction);
        }

        /** Time this member gave (a contribution credited to them). */
        public boolean given() {
            return "CONTRIBUTION".equals(reason) && in();
        }

        public boolean received() {
            return "CONTRIBUTION".equals(reason) && !in();
        }
    }

    /** {@code reversalReason}: the coordinator's words when the transfer was reversed (issue 18: both members see why). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(String id, String giverId, String receiverId, String loggedBy, String actorId,
                               String awaitingValidationBy, long minutes, LocalDate happenedOn, String kind,
                               String description, String state, Instant loggedAt, Instant validationDeadline,
                               String note, Long postedMinutes, String reversedBy, String reversalReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String id, String displayName, String kind, String email, String language) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboxItem(String id, String kind, String title, List<String> paragraphs, Instant occurredAt,
                            String shownAt, boolean read) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboxPage(long unread, List<InboxItem> items) {
    }

    /** A member as any other member may see them: an id and the name they go by. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** An organisation a member may spend hours with: its id and name, nothing more. */
    public record Organisation(String id, String name) {
    }

    public record DirectoryEntry(String memberId, String displayName) {
    }

    /** {@code erased}: matching keeps only a tombstone of an erased member ({@code {_id, timebankId, erased: true}}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String memberId, String displayName, Boolean erased) {

        public boolean isErased() {
            return Boolean.TRUE.equals(erased);
        }
    }

    /** A member's own matching profile, all of it (they are SELF). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnProfile(String memberId, String displayName, Set<String> languages, Set<String> skills,
                             Set<String> tags, String district, Set<String> availability, Set<String> modes,
                             Set<String> accessibilityNeeds, Boolean paused, Set<String> sharedWithMembers) {
    }
}
