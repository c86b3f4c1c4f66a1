package org.reciprocity.kit.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: every call but health needs a bearer JWT signed by
 * the {@link TrustedIssuer} (keys at {@code JWK_SET_URI}, {@code iss} = {@code JWT_ISSUER},
 * {@code aud} one of {@code JWT_AUDIENCE}); a service without them does not start. Roles come
 * from the {@code roles} claim; a token is good for one timebank only. Health shows details to
 * ADMIN only (the services' {@code management.endpoint.health} settings).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SecuritySettings.class, OAuth2ResourceServerProperties.class})
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the error page renders a failure already answered; refusing it as unauthenticated
                        // turned any error of a request without a verified token into a 401 for /error
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // by default a token that could not be checked (issuer unreachable) is rethrown
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The strict firewall, with its header rules checked without a regular expression ({@link HeaderRules}). */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        return web -> web.httpFirewall(HeaderRules.firewall());
    }

    /** Reads the bearer token without a regular expression on every request ({@link BearerHeader}). */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        return new BearerHeader();
    }

    /** The issuer whose tokens this service takes; without its three settings the service does not start. */
    @Bean
    TrustedIssuer trustedIssuer(OAuth2ResourceServerProperties resourceServer, SecuritySettings settings) {
        return TrustedIssuer.of(resourceServer.getJwt().getJwkSetUri(), settings.issuer(),
                resourceServer.getJwt().getAudiences());
    }

    /** The issuer's keys, cached; Spring closes them at shutdown. */
    @Bean
    IssuerKeys issuerKeys(TrustedIssuer issuer, SecuritySettings settings) {
        return new IssuerKeys(issuer.jwkSetUri(), settings.jwkConnectTimeout(), settings.jwkReadTimeout(), Clock.systemUTC());
    }

    /** Fetches the keys as the service starts and keeps them fresh. */
    @Bean
    KeyRefresher issuerKeyRefresher(IssuerKeys keys) {
        return new KeyRefresher(keys);
    }

    /** The health component {@code issuer}: DOWN until the issuer's keys are fetched. */
    @Bean
    IssuerHealthIndicator issuerHealthIndicator(IssuerKeys keys) {
        return new IssuerHealthIndicator(keys);
    }

    /**
     * The verifier ({@link TokenVerifier}) behind {@link RememberedTokens}, so the same token's
     * next call skips the signature check.
     */
    @Bean
    JwtDecoder jwtDecoder(TrustedIssuer issuer, IssuerKeys keys) {
        return new RememberedTokens(new TokenVerifier(issuer, keys), Clock.systemUTC()::instant);
    }

    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return converter;
    }

    static final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList(Caller.ROLES_CLAIM);
            if (roles == null) {
                return List.of();
            }
            return Role.parse(roles).stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                    .toList();
        }
    }

}
