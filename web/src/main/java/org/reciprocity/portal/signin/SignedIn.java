package org.reciprocity.portal.signin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, from identity's ID token: the member id ({@code sub}), their timebank and roles.
 * Every page reads the timebank from here, never from the address: the portal cannot reach another timebank.
 */
public record SignedIn(String memberId, String timebankId, Set<String> roles, String name, String locale) {

    public boolean coordinates() {
        return roles.contains("COORDINATOR") || roles.contains("ADMIN");
    }

    public boolean administers() {
        return roles.contains("ADMIN");
    }

    /** Staff, admins and coordinators read the reciprocity review, parity and the indicators (issue 17). */
    public boolean reviews() {
        return roles.contains("STAFF") || roles.contains("ADMIN") || roles.contains("COORDINATOR");
    }

    public static SignedIn of(OidcUser user) {
        Set<String> roles = new TreeSet<>();
        Object claim = user.getClaims().get("roles");
        if (claim instanceof Collection<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        } else if (claim instanceof String one) {
            roles.addAll(List.of(one.split("[ ,]+")));
        }
        roles.add("MEMBER");
        String name = user.getClaimAsString("name");
        return new SignedIn(user.getSubject(), user.getClaimAsString("timebank_id"), roles,
                name == null ? user.getSubject() : name, user.getClaimAsString("locale"));
    }

    /** The person of this request, or null when nobody is signed in. */
    public static SignedIn current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OidcUser user ? of(user) : null;
    }
}
