package org.reciprocity.identity.signin;

import java.time.Clock;
import java.util.Locale;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.identity.account.LockOut;
import org.reciprocity.identity.account.PasswordRules;
import org.reciprocity.identity.mail.Mailer;
import org.reciprocity.identity.upstream.UpstreamSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The sign-in pages' security: password, e-mailed link and passkey, CSRF on every form. */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration implements WebMvcConfigurer {

    @Bean
    @Order(3)
    SecurityFilterChain signInChain(HttpSecurity http, IdentitySettings settings, Accounts accounts,
                                    Mailer mailer, Clock clock, MongoTemplate mongo, UpstreamSignIn upstream) throws Exception {
        AfterSignIn afterSignIn = new AfterSignIn(settings.portalSignIn());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/**", "/welcome/**", "/ott/generate", "/webjars/**", "/assets/**", "/css/**", "/js/**",
                                "/actuator/health", "/actuator/health/**", "/local/**", "/error", "/favicon.ico",
                                "/oauth2/authorization/upstream")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(afterSignIn)
                        .failureHandler(new SignInFailures()))
                .oneTimeTokenLogin(link -> link
                        .tokenService(new OneTimeTokens(mongo, clock))
                        .tokenGenerationSuccessHandler(new LinkSender(accounts, mailer, settings))
                        .showDefaultSubmitPage(false)
                        .loginPage("/login")
                        // set after loginPage, which would otherwise make POST /login the link's URL too
                        .loginProcessingUrl("/login/ott")
                        .authenticationSuccessHandler(afterSignIn)
                        .authenticationFailureHandler(new SignInFailures()))
                .webAuthn(passkeys -> passkeys
                        .rpName("Reciprocity")
                        .rpId(settings.rpId())
                        .allowedOrigins(settings.issuerUrl())
                        .disableDefaultRegistrationPage(true))
                // the local helpers are called by programs on the same machine, not by forms
                .csrf(csrf -> csrf.ignoringRequestMatchers("/local/**"))
                .logout(logout -> logout.logoutSuccessUrl(settings.portalUrl() + "/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings))));
        // "Sign in with <provider>", when one is configured
        upstream.configure(http, "/login", afterSignIn);
        return http.build();
    }

    /**
     * Nothing inline and nothing from elsewhere; a form may lead on to the portal (a sign-in
     * redirects there, and browsers hold redirects after a form to its form-action).
     */
    static String contentSecurityPolicy(IdentitySettings settings) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self' " + settings.portalUrl();
    }

    /**
     * Password sign-in, as the one global AuthenticationProvider. Being a bean stops Spring Security
     * from building its own password check from the UserDetailsService as a fallback, which would let
     * a password through after PasswordSignIn refused it (locked, too soon, suspended): see
     * LockOutIT. The e-mailed link and passkeys have their own providers in the sign-in chain.
     */
    @Bean
    PasswordSignIn passwordSignIn(Accounts accounts, PasswordEncoder encoder, LockOut lockOut, Mailer mailer, Clock clock) {
        return new PasswordSignIn(accounts, encoder, lockOut, mailer, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordRules passwordRules() {
        return PasswordRules.shipped();
    }

    @Bean
    LockOut lockOut(IdentitySettings settings) {
        return new LockOut(settings.slowDownStep());
    }

    /** {@code ?lang=fr} switches and is remembered; otherwise the browser's Accept-Language. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("RECIPROCITY_LANG");
        resolver.setDefaultLocaleFunction(request -> request.getLocale() != null
                && "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
