package org.reciprocity.identity.upstream;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.AccountUser;
import org.reciprocity.identity.account.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Sign in with &lt;name&gt;": Spring Security's {@code oauth2Login} against the configured upstream
 * provider ({@link UpstreamSettings}), added to the sign-in chain only when one is configured. The
 * upstream person is mapped to their Reciprocity account ({@link UpstreamPeople}); once signed in
 * they are held exactly as after a password (an {@link AccountUser}), so identity-service issues its
 * own tokens as ever and the portal and the services see no difference. A refusal goes to a plain
 * page, {@code /login/upstream-refused}.
 */
@Component
public class UpstreamSignIn {

    static final String REFUSED_PAGE = "/login/upstream-refused";
    private static final String REFUSED = "upstream_refused";

    private final UpstreamSettings settings;
    private final UpstreamPeople people;
    private final Accounts accounts;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** The provider's discovery document is read at the first sign-in, not at start: a provider away must not stop sign-in by password. */
    private final Supplier<ClientRegistration> registration;

    UpstreamSignIn(UpstreamSettings settings, UpstreamPeople people, Accounts accounts, Clock clock) {
        this.settings = settings;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
        this.registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(settings.issuer())
                .registrationId(UpstreamSettings.REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientName(settings.name())
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build());
    }

    /** Adds upstream sign-in to the chain, when a provider is configured. */
    public void configure(HttpSecurity http, String loginPage, AuthenticationSuccessHandler afterSignIn) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        Customizer<OAuth2LoginConfigurer<HttpSecurity>> login = oauth2 -> oauth2
                .loginPage(loginPage)
                .clientRegistrationRepository(new Registrations())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService()))
                .successHandler((request, response, authentication) -> signedIn(request, response, authentication, afterSignIn))
                .failureHandler(this::refused);
        http.oauth2Login(login);
    }

    /** The upstream's own check of the ID token, then the account, whose key becomes the person's name. */
    private OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService upstream = new OidcUserService();
        return request -> {
            OidcUser person = upstream.loadUser(request);
            try {
                Account account = people.accountOf(person.getSubject(), person.getClaims());
                return new AccountOidcUser(person, account.id());
            } catch (UpstreamPeople.Refused refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.refusal.code, null), refused);
            }
        };
    }

    /** Holds the person as a password sign-in does, with the factor the upstream proved. */
    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication upstream,
                          AuthenticationSuccessHandler afterSignIn) throws IOException, ServletException {
        Instant now = clock.instant();
        Account account = accounts.byId(upstream.getName()).orElseThrow();
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY).issuedAt(now).build());
        Authentication held = UsernamePasswordAuthenticationToken.authenticated(AccountUser.of(account, now), null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(held);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        afterSignIn.onAuthenticationSuccess(request, response, held);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = failure instanceof OAuth2AuthenticationException oauth && REFUSED.equals(oauth.getError().getErrorCode())
                ? oauth.getError().getDescription() : UpstreamPeople.Refusal.FAILED.code;
        response.sendRedirect(request.getContextPath() + REFUSED_PAGE + "?reason=" + reason);
    }

    /** The one registration, read from the provider once it is first needed. */
    private final class Registrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            return UpstreamSettings.REGISTRATION.equals(registrationId) ? registration.get() : null;
        }

        @Override
        public Iterator<ClientRegistration> iterator() {
            return List.of(registration.get()).iterator();
        }
    }

    /** The upstream person, named by their Reciprocity account's key. */
    static final class AccountOidcUser extends DefaultOidcUser {

        private final String accountId;

        AccountOidcUser(OidcUser person, String accountId) {
            super(person.getAuthorities(), person.getIdToken(), person.getUserInfo(), "sub");
            this.accountId = accountId;
        }

        @Override
        public String getName() {
            return accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AccountOidcUser that && that.accountId.equals(accountId) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return accountId.hashCode();
        }
    }
}
