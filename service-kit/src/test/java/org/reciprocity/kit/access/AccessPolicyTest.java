package org.reciprocity.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.MEMBER;
import static org.reciprocity.kit.access.Relation.PARTY;
import static org.reciprocity.kit.access.Relation.SELF;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;

class AccessPolicyTest {

    enum Rules implements AccessRule {
        READ_THING(PARTY, COORDINATOR),
        READ_OWN(SELF),
        ANYONE_SIGNED_IN(MEMBER);

        private final Set<Relation> allowed;

        Rules(Relation... allowed) {
            this.allowed = EnumSet.copyOf(List.of(allowed));
        }

        @Override
        public Set<Relation> allowed() {
            return allowed;
        }
    }

    private final AtomicInteger subjectLookups = new AtomicInteger();
    private final AccessPolicy policy = AccessPolicy.of(Rules.class, (caller, timebank, path) -> {
        subjectLookups.incrementAndGet();
        return caller.memberId().equals(path.get("owner")) ? Set.of(PARTY) : Set.of();
    });

    @Test
    void aRoleThatTheRuleNamesIsEnoughWithoutLookingAtTheSubject() {
        assertThat(policy.permits(Rules.READ_THING, caller("cora", Role.COORDINATOR), "tb", Map.of("owner", "sam")))
                .isTrue();
        assertThat(subjectLookups).hasValue(0);
    }

    @Test
    void aPartyIsLetInAndAStrangerIsNot() {
        assertThat(policy.permits(Rules.READ_THING, caller("sam", Role.MEMBER), "tb", Map.of("owner", "sam"))).isTrue();
        assertThat(policy.permits(Rules.READ_THING, caller("kim", Role.MEMBER), "tb", Map.of("owner", "sam"))).isFalse();
    }

    @Test
    void theStaffRoleIsAReviewerAndNoMoreThanTheRuleSays() {
        Caller reviewer = caller("stella", Role.STAFF);

        assertThat(AccessPolicy.fromRoles(reviewer)).contains(Relation.REVIEWER, MEMBER).doesNotContain(COORDINATOR);
        assertThat(policy.permits(Rules.READ_THING, reviewer, "tb", Map.of("owner", "sam"))).isFalse();
        assertThat(policy.permits(Rules.ANYONE_SIGNED_IN, reviewer, "tb", Map.of())).isTrue();
    }

    @Test
    void aRuleOnlyRolesCanSatisfyNeverLooksUpTheSubject() {
        policy.permits(Rules.ANYONE_SIGNED_IN, new Caller("x", "tb", Set.of()), "tb", Map.of());

        assertThat(subjectLookups).hasValue(0);
    }

    @Test
    void anEndpointWithoutARuleOrWithAnUnknownOneOrAMisnamedTimebankIsReported() throws Exception {
        Map<String, Access> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /api/v1/timebanks/{timebankId}/things/{thingId}", access("read"));
        endpoints.put("POST /api/v1/timebanks/{timebankId}/things", null);
        endpoints.put("GET /api/v1/timebanks/{timebankId}/secrets", access("readSecret"));
        endpoints.put("GET /api/v1/timebanks/{tb}/things", access("read"));

        List<String> problems = policy.verify(endpoints);

        assertThat(problems).containsExactly(
                "POST /api/v1/timebanks/{timebankId}/things has no @Access rule",
                "GET /api/v1/timebanks/{timebankId}/secrets names NO_SUCH_RULE, which the access policy does not have",
                "GET /api/v1/timebanks/{tb}/things calls its timebank {tb}, not {timebankId}");
    }

    private static Caller caller(String id, Role... roles) {
        return new Caller(id, "tb", Set.of(roles));
    }

    private static Access access(String method) throws NoSuchMethodException {
        Method m = Endpoints.class.getDeclaredMethod(method);
        return m.getAnnotation(Access.class);
    }

    static class Endpoints {
        @Access("READ_THING")
        void read() {
        }

        @Access("NO_SUCH_RULE")
        void readSecret() {
        }
    }
}
