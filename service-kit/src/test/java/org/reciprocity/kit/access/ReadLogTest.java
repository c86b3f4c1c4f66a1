package org.reciprocity.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reciprocity.kit.access.Relation.ADMIN;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.MEMBER;
import static org.reciprocity.kit.access.Relation.ORGANISATION_STAFF;
import static org.reciprocity.kit.access.Relation.PARTY;
import static org.reciprocity.kit.access.Relation.REVIEWER;
import static org.reciprocity.kit.access.Relation.SELF;
import static org.reciprocity.kit.access.Relation.SUPPORTER;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.kit.web.ApiException;

/** Which looks at a member's data are kept (issue 18, "who looked"), with which reason, in which document. */
class ReadLogTest {

    enum Rules implements AccessRule {
        READ_STATEMENT(true, SELF, SUPPORTER, COORDINATOR, REVIEWER, ADMIN),
        READ_CONTRIBUTION(true, PARTY, SUPPORTER, ORGANISATION_STAFF, COORDINATOR, ADMIN),
        READ_TIMEBANK(false, MEMBER, COORDINATOR, ADMIN);

        private final boolean sensitive;
        private final Set<Relation> allowed;

        Rules(boolean sensitive, Relation... allowed) {
            this.sensitive = sensitive;
            this.allowed = EnumSet.copyOf(List.of(allowed));
        }

        @Override
        public Set<Relation> allowed() {
            return allowed;
        }

        @Override
        public boolean sensitive() {
            return sensitive;
        }
    }

    @Test
    void a_coordinator_reading_a_members_statement_is_kept_as_coordinator() {
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, COORDINATOR))).contains(COORDINATOR);
    }

    @Test
    void staff_and_admins_are_kept_as_what_the_member_knows_them_by() {
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, REVIEWER))).contains(REVIEWER);
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, ADMIN))).contains(ADMIN);
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, COORDINATOR, ADMIN))).contains(COORDINATOR);
        assertThat(ReadLog.readerRole(Rules.READ_CONTRIBUTION, Set.of(MEMBER, ORGANISATION_STAFF)))
                .contains(ORGANISATION_STAFF);
    }

    @Test
    void the_member_their_supporter_and_a_party_are_not_kept_even_when_they_are_coordinators() {
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, SELF, COORDINATOR))).isEmpty();
        assertThat(ReadLog.readerRole(Rules.READ_STATEMENT, Set.of(MEMBER, SUPPORTER, ADMIN))).isEmpty();
        assertThat(ReadLog.readerRole(Rules.READ_CONTRIBUTION, Set.of(MEMBER, PARTY, COORDINATOR))).isEmpty();
    }

    @Test
    void a_rule_that_is_not_sensitive_is_never_kept() {
        assertThat(ReadLog.readerRole(Rules.READ_TIMEBANK, Set.of(MEMBER, COORDINATOR, ADMIN))).isEmpty();
    }

    @Test
    void a_rule_is_not_sensitive_unless_it_says_so() {
        AccessRule plain = new AccessRule() {
            @Override
            public String name() {
                return "READ_THING";
            }

            @Override
            public Set<Relation> allowed() {
                return Set.of(COORDINATOR);
            }
        };
        assertThat(plain.sensitive()).isFalse();
    }

    @Test
    void the_reason_comes_from_its_code_and_a_missing_one_is_kept_as_not_given() {
        assertThat(ReadReason.parse("SUPPORT_REQUEST")).isEqualTo(ReadReason.SUPPORT_REQUEST);
        assertThat(ReadReason.parse(" safeguarding ")).isEqualTo(ReadReason.SAFEGUARDING);
        assertThat(ReadReason.parse(null)).isEqualTo(ReadReason.NOT_GIVEN);
        assertThat(ReadReason.parse("")).isEqualTo(ReadReason.NOT_GIVEN);
    }

    @Test
    void an_unknown_reason_is_refused_in_words_a_member_understands() {
        assertThatThrownBy(() -> ReadReason.parse("CURIOSITY")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.refusal().reason()).isEqualTo(ReadLogRefusal.READ_REASON_UNKNOWN);
            assertThat(e.refusal().reason().outcome().status()).isEqualTo(400);
            assertThat(Wording.words(e.refusal().reason(), e.refusal().params(), Locale.ENGLISH))
                    .contains("\"CURIOSITY\"").contains("Choose one of the reasons");
            assertThat(Wording.words(e.refusal().reason(), e.refusal().params(), Locale.FRENCH))
                    .contains("« CURIOSITY »");
        });
        assertThatThrownBy(() -> ReadReason.parse("NOT_GIVEN")).isInstanceOf(ApiException.class);
    }

    @Test
    void looks_go_into_one_document_per_member_and_month_and_the_list_reads_two_years_of_them_by_id() {
        Instant now = Instant.parse("2026-12-01T10:15:00Z");
        assertThat(ReadLog.documentId("tb", "m1", now)).isEqualTo("tb/m1/2026-12");
        assertThat(ReadLog.documentId("tb", "m1", Instant.parse("2026-11-30T23:59:59Z"))).isEqualTo("tb/m1/2026-11");

        List<String> ids = ReadLog.documentIds("tb", "m1", now);
        assertThat(ids).hasSize(ReadLog.MONTHS_KEPT + 1).startsWith("tb/m1/2026-12").endsWith("tb/m1/2024-12");
    }

    @Test
    void by_default_the_member_read_is_the_one_the_path_names() {
        assertThat(SubjectRelations.SELF_ONLY.membersRead("tb", Map.of("memberId", "m1"))).containsExactly("m1");
        assertThat(SubjectRelations.SELF_ONLY.membersRead("tb", Map.of("listingId", "l1"))).isEmpty();
    }
}
