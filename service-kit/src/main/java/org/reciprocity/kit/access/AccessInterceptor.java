package org.reciprocity.kit.access;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Applies the access policy before any endpoint runs. First the timebank: a request under
 * {@code /api/v1/timebanks/{timebankId}/...} is refused unless the caller's token is for that very
 * timebank. Then the endpoint's {@link Access} rule. Checked here once, so no endpoint can forget.
 */
final class AccessInterceptor implements HandlerInterceptor {

    private final AccessPolicy policy;
    private final ReadLog reads;

    AccessInterceptor(AccessPolicy policy, ReadLog reads) {
        this.policy = policy;
        this.reads = reads;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("org.reciprocity.")) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            throw new ApiException(Problems.NOT_PERMITTED.refusal()); // AccessPolicy.verify stops this at start-up
        }
        AccessRule rule = policy.rule(access.value());
        if (rule.allowed().contains(Relation.ANYONE)) {
            return true;
        }
        Caller caller = Caller.current();
        Map<String, String> path = pathVariables(request);
        String timebankId = path.get("timebankId");
        if (timebankId != null && !caller.belongsTo(timebankId)) {
            throw new ApiException(Problems.SIGNED_IN_ELSEWHERE.refusal());
        }
        if (!policy.permits(rule, caller, timebankId, path)) {
            throw new ApiException(Problems.NOT_PERMITTED.with("action", rule.name()));
        }
        Supplier<Set<Relation>> relations = memoized(() -> policy.relations(caller, timebankId, path));
        Viewer.remember(request, relations);
        if (rule.sensitive()) {
            keepTheLook(request, rule, caller, timebankId, path, relations.get());
        }
        return true;
    }

    /**
     * A sensitive read by a coordinator, staff or admin is kept before the data leaves (issue 18): if
     * it cannot be kept, the read fails rather than go unrecorded.
     */
    private void keepTheLook(HttpServletRequest request, AccessRule rule, Caller caller, String timebankId,
                             Map<String, String> path, Set<Relation> relations) {
        ReadLog.readerRole(rule, relations).ifPresent(role -> {
            ReadReason why = ReadReason.parse(request.getHeader(ReadReason.HEADER));
            ReadLog.Look look = reads.new Look(timebankId, caller.memberId(), role, rule.name(), why);
            look.of(policy.membersRead(timebankId, path));
            ReadLog.remember(request, look);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : variables;
    }

    private static Supplier<Set<Relation>> memoized(Supplier<Set<Relation>> supplier) {
        return new Supplier<>() {
            private Set<Relation> value;

            @Override
            public synchronized Set<Relation> get() {
                if (value == null) {
                    value = Set.copyOf(supplier.get());
                }
                return value;
            }
        };
    }
}
