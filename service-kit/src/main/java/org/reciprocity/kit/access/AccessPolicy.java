package org.reciprocity.kit.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;

/**
 * A service's access policy: its rules (an enum, one constant an endpoint, read as a table) and
 * how a caller stands to what a request names. Every endpoint names its rule with {@link Access};
 * the {@link AccessInterceptor} applies it before the endpoint runs.
 */
public final class AccessPolicy {

    private static final Pattern TIMEBANK_VARIABLE = Pattern.compile("/timebanks/\\{([^}]*)\\}");

    private final Map<String, AccessRule> rules;
    private final SubjectRelations subjects;

    private AccessPolicy(Map<String, AccessRule> rules, SubjectRelations subjects) {
        this.rules = rules;
        this.subjects = subjects;
    }

    public static <E extends Enum<E> & AccessRule> AccessPolicy of(Class<E> rules, SubjectRelations subjects) {
        Map<String, AccessRule> byName = new LinkedHashMap<>();
        for (E rule : rules.getEnumConstants()) {
            byName.put(rule.name(), rule);
        }
        return new AccessPolicy(Collections.unmodifiableMap(byName), subjects);
    }

    public AccessRule rule(String name) {
        AccessRule rule = rules.get(name);
        if (rule == null) {
            throw new IllegalArgumentException("The access policy has no rule " + name);
        }
        return rule;
    }

    public Map<String, AccessRule> rules() {
        return rules;
    }

    /** The relations a token's roles give, whatever the request is about. */
    public static Set<Relation> fromRoles(Caller caller) {
        Set<Relation> relations = EnumSet.of(Relation.ANYONE);
        if (!caller.roles().isEmpty()) {
            relations.add(Relation.MEMBER);
        }
        if (caller.has(Role.COORDINATOR)) {
            relations.add(Relation.COORDINATOR);
        }
        if (caller.has(Role.STAFF)) {
            relations.add(Relation.REVIEWER);
        }
        if (caller.has(Role.ADMIN)) {
            relations.add(Relation.ADMIN);
        }
        return relations;
    }

    /** Every relation of the caller to what the path names: the roles' and the subject's. */
    public Set<Relation> relations(Caller caller, String timebankId, Map<String, String> pathVariables) {
        Set<Relation> relations = fromRoles(caller);
        if (timebankId != null) {
            relations.addAll(subjects.of(caller, timebankId, pathVariables));
        }
        return relations;
    }

    /** The members whose data a request to this path reads (for the {@link ReadLog}). */
    public Set<String> membersRead(String timebankId, Map<String, String> pathVariables) {
        return timebankId == null ? Set.of() : subjects.membersRead(timebankId, pathVariables);
    }

    /** Whether the rule lets the caller act; the subject is looked at only when the roles do not settle it. */
    public boolean permits(AccessRule rule, Caller caller, String timebankId, Map<String, String> pathVariables) {
        if (rule.allows(fromRoles(caller))) {
            return true;
        }
        boolean subjectMatters = rule.allowed().stream().anyMatch(relation -> !relation.fromRoles());
        return subjectMatters && timebankId != null && rule.allows(subjects.of(caller, timebankId, pathVariables));
    }

    /**
     * What is wrong with a service's endpoints, if anything: one without a rule, a rule the policy
     * does not have, or a timebank path variable not called {@code timebankId} (which the timebank
     * check reads).
     */
    public List<String> verify(Map<String, Access> endpoints) {
        List<String> problems = new ArrayList<>();
        endpoints.forEach((endpoint, access) -> {
            if (access == null) {
                problems.add(endpoint + " has no @Access rule");
            } else if (!rules.containsKey(access.value())) {
                problems.add(endpoint + " names " + access.value() + ", which the access policy does not have");
            }
            Matcher variable = TIMEBANK_VARIABLE.matcher(endpoint);
            while (variable.find()) {
                if (!variable.group(1).equals("timebankId")) {
                    problems.add(endpoint + " calls its timebank {" + variable.group(1) + "}, not {timebankId}");
                }
            }
        });
        return problems;
    }
}
