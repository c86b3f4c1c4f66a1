package org.reciprocity.portal.signin;

import jakarta.servlet.DispatcherType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.reciprocity.portal.PortalSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Sign-in through identity-service (OAuth2 authorization code with PKCE), the session, CSRF and the
 * content security policy. The provider's endpoints are written out from ISSUER_URL rather than
 * discovered, so the portal starts even while identity-service is still starting.
 */
@Configuration
class SecurityConfiguration {

    static final String REGISTRATION = "reciprocity";

    @Bean
    SecurityFilterChain portal(HttpSecurity http, PortalSettings settings, ClientRegistrationRepository registrations)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(portal(settings) + "/");
        // after signing in, back to the page the person asked for: only a page, never a font, a
        // picture or a stream the browser fetched on the way
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && String.valueOf(request.getHeader("Accept")).contains("text/html"));
        http.requestCache(cache -> cache.requestCache(pagesOnly));
        http.authorizeHttpRequests(a -> a
                        // the end of a live stream is dispatched again (ASYNC) for a request let in when it began;
                        // the member may have signed out since, and refusing it then only logged errors
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/", "/webjars/**", "/assets/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/error", "/signed-out", "/paused", "/verify").permitAll()
                        .requestMatchers("/coordinator", "/coordinator/**").access((auth, context) -> new AuthorizationDecision(coordinates(auth.get())))
                        .requestMatchers("/admin", "/admin/**").access((auth, context) -> new AuthorizationDecision(administers(auth.get())))
                        // the download of the whole timebank (issue 17): admins only, before the review's own rule
                        .requestMatchers("/review/export", "/review/export/**").access((auth, context) -> new AuthorizationDecision(administers(auth.get())))
                        .requestMatchers("/review", "/review/**").access((auth, context) -> new AuthorizationDecision(reviews(auth.get())))
                        .anyRequest().authenticated())
                .oauth2Login(o -> o
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(resolver))
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(rolesFromIdentity())))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessHandler(signedOut)
                        .deleteCookies("RECIPROCITY_PORTAL"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(settings)))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static String portal(PortalSettings settings) {
        String url = settings.portalUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The contract's policy: nothing inline, nothing from elsewhere; forms may go to identity (sign-out). */
    static String contentSecurityPolicy(PortalSettings settings) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self' " + settings.issuer();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalSettings settings) {
        String issuer = settings.issuer();
        ClientRegistration reciprocity = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // the address identity has on record for the portal (PORTAL_URL), not whatever Host a proxy passed on
                .redirectUri(portal(settings) + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .userInfoUri(issuer + "/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(issuer)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Reciprocity")
                .build();
        return new InMemoryClientRegistrationRepository(reciprocity);
    }

    /** Refreshes the access token when it is about to expire, using the refresh token kept in the session. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** Roles are read from the ID token's claims, the same place the navigation reads them. */
    private static boolean coordinates(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof OidcUser user && SignedIn.of(user).coordinates();
    }

    /** Admins run the timebank (policy, organisations, roles, audit); a coordinator alone may not. */
    private static boolean administers(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof OidcUser user && SignedIn.of(user).administers();
    }

    /** The review pages (issue 17): staff, admins and coordinators. */
    private static boolean reviews(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof OidcUser user && SignedIn.of(user).reviews();
    }

    /** The ID token's {@code roles} claim becomes ROLE_ authorities, so pages can be kept to coordinators. */
    private static GrantedAuthoritiesMapper rolesFromIdentity() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getIdToken().getClaims().get("roles");
                    if (roles instanceof Iterable<?> list) {
                        list.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
                    }
                }
            }
            mapped.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
            return mapped;
        };
    }
}
