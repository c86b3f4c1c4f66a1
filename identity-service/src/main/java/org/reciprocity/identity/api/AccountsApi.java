package org.reciprocity.identity.api;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.AdminChanges;
import org.reciprocity.identity.account.Role;
import org.reciprocity.identity.invitation.Invitations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's API on identity: invitations, and who may sign in with which roles. A token's
 * timebank must be the path's; then the rules: invite, suspend, reactivate, correct the e-mail — COORDINATOR or ADMIN;
 * give roles — ADMIN; read an account — the person themself, COORDINATOR or ADMIN.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class AccountsApi {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,255}";

    record InvitationRequest(String memberId, String email, String language, List<String> roles) {
    }

    record InvitationResponse(String memberId, String status) {
    }

    record AccountView(String memberId, String email, List<String> roles, String status, List<String> signInMethods) {
    }

    record RolesRequest(List<String> roles) {
    }

    private final Accounts accounts;
    private final Invitations invitations;
    private final Clock clock;
    private final AdminChanges adminChanges;

    AccountsApi(Accounts accounts, Invitations invitations, Clock clock, AdminChanges adminChanges) {
        this.adminChanges = adminChanges;
        this.accounts = accounts;
        this.invitations = invitations;
        this.clock = clock;
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@PathVariable String timebankId, @RequestBody InvitationRequest request, @AuthenticationPrincipal Jwt caller) {
        requireRole(caller, timebankId, Set.of("COORDINATOR", "ADMIN"));
        if (request.memberId() == null || !request.memberId().matches(ID) || request.email() == null
                || !request.email().strip().matches(EMAIL) || !("en".equals(request.language()) || "fr".equals(request.language()))
                || (request.roles() != null && !request.roles().stream().allMatch(Role::isKnown))) {
            throw new Refused(ApiRefusal.INVALID_VALUE);
        }
        boolean beyondMember = request.roles() != null && request.roles().stream().anyMatch(r -> !"MEMBER".equals(r));
        if (beyondMember && !roles(caller).contains("ADMIN")) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        try {
            Account account = invitations.invite(timebankId, request.memberId(), request.email(), request.language(),
                    request.roles(), true).account();
            return new InvitationResponse(account.memberId(), account.statusAt(clock.instant()));
        } catch (Invitations.EmailInUse inUse) {
            throw new Refused(ApiRefusal.EMAIL_IN_USE);
        } catch (Invitations.AlreadySetUp setUp) {
            throw new Refused(ApiRefusal.ALREADY_SET_UP);
        }
    }

    @GetMapping("/accounts/{memberId}")
    AccountView account(@PathVariable String timebankId, @PathVariable String memberId, @AuthenticationPrincipal Jwt caller) {
        sameTimebank(caller, timebankId);
        if (!memberId.equals(caller.getSubject())) {
            requireRole(caller, timebankId, Set.of("COORDINATOR", "ADMIN"));
        }
        Account account = find(timebankId, memberId);
        return new AccountView(account.memberId(), account.email(), account.roles(), account.statusAt(clock.instant()),
                account.signInMethods());
    }

    @PutMapping("/accounts/{memberId}/roles")
    AccountView setRoles(@PathVariable String timebankId, @PathVariable String memberId, @RequestBody RolesRequest request,
                         @AuthenticationPrincipal Jwt caller) {
        requireRole(caller, timebankId, Set.of("ADMIN"));
        if (request.roles() == null || !request.roles().stream().allMatch(Role::isKnown)) {
            throw new Refused(ApiRefusal.INVALID_VALUE);
        }
        try {
            // the count of admins and the change are one step: see AdminChanges
            adminChanges.oneAtATime(timebankId, () -> changeRoles(timebankId, memberId, request.roles(), caller));
        } catch (AdminChanges.Busy busy) {
            throw new Refused(ApiRefusal.ADMINS_BUSY);
        }
        return account(timebankId, memberId, caller);
    }

    private boolean changeRoles(String timebankId, String memberId, List<String> roles, Jwt caller) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Account account = find(timebankId, memberId);
            List<String> before = account.roles() == null ? List.of() : account.roles();
            boolean dropsAdmin = before.contains("ADMIN") && !roles.contains("ADMIN");
            // a timebank is never left without someone who can give roles back
            if (dropsAdmin && !account.isSuspended() && accounts.admins(timebankId) <= 1) {
                throw new Refused(ApiRefusal.LAST_ADMIN);
            }
            if (accounts.setRoles(account.id(), before, roles, caller.getSubject(), clock.instant())) {
                return true;
            }
        }
        return false;
    }

    record EmailRequest(String email) {
    }

    /** A coordinator corrects the e-mail a member signs in with (and is written to at). */
    @PutMapping("/accounts/{memberId}/email")
    AccountView changeEmail(@PathVariable String timebankId, @PathVariable String memberId, @RequestBody EmailRequest request,
                            @AuthenticationPrincipal Jwt caller) {
        requireRole(caller, timebankId, Set.of("COORDINATOR", "ADMIN"));
        if (request.email() == null || !request.email().strip().matches(EMAIL)) {
            throw new Refused(ApiRefusal.INVALID_VALUE);
        }
        if (!accounts.changeEmail(find(timebankId, memberId).id(), request.email())) {
            throw new Refused(ApiRefusal.EMAIL_IN_USE);
        }
        return account(timebankId, memberId, caller);
    }

    @PostMapping("/accounts/{memberId}/suspension")
    AccountView suspend(@PathVariable String timebankId, @PathVariable String memberId, @AuthenticationPrincipal Jwt caller) {
        requireRole(caller, timebankId, Set.of("COORDINATOR", "ADMIN"));
        accounts.suspend(find(timebankId, memberId).id());
        return account(timebankId, memberId, caller);
    }

    @PostMapping("/accounts/{memberId}/reactivation")
    AccountView reactivate(@PathVariable String timebankId, @PathVariable String memberId, @AuthenticationPrincipal Jwt caller) {
        requireRole(caller, timebankId, Set.of("COORDINATOR", "ADMIN"));
        accounts.reactivate(find(timebankId, memberId).id());
        return account(timebankId, memberId, caller);
    }

    private Account find(String timebankId, String memberId) {
        if (!memberId.matches(ID)) {
            throw new Refused(ApiRefusal.NOT_FOUND);
        }
        return accounts.byId(Account.key(timebankId, memberId)).orElseThrow(() -> new Refused(ApiRefusal.NOT_FOUND));
    }

    private static void sameTimebank(Jwt caller, String timebankId) {
        if (!timebankId.equals(caller.getClaimAsString("timebank_id"))) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
    }

    private static void requireRole(Jwt caller, String timebankId, Set<String> allowed) {
        sameTimebank(caller, timebankId);
        if (roles(caller).stream().noneMatch(allowed::contains)) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
    }

    private static List<String> roles(Jwt caller) {
        List<String> roles = caller.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }
}
