package org.reciprocity.kit.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the bearer token: the member's opaque id ({@code sub}), the one timebank
 * the token is for ({@code timebank_id}) and the roles in it ({@code roles}).
 */
public record Caller(String memberId, String timebankId, Set<Role> roles) {

    public static final String TIMEBANK_CLAIM = "timebank_id";
    public static final String ROLES_CLAIM = "roles";

    public static Caller from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(TIMEBANK_CLAIM),
                roles == null ? Set.of() : Role.parse(roles));
    }

    /** The caller of the current request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return from(jwt);
        }
        throw new AccessDeniedException("no signed-in member");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String timebank) {
        return timebankId != null && timebankId.equals(timebank);
    }
}
