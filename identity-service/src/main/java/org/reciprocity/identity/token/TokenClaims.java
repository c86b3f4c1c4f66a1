package org.reciprocity.identity.token;

import java.util.List;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims the services check, read afresh from the account at every token (so a role change or a
 * suspension takes effect at the next token, refreshes included): {@code sub} = member id,
 * {@code aud} = [audience], {@code timebank_id}, {@code roles}. The ID token adds {@code locale}.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Accounts accounts;
    private final String audience;

    TokenClaims(Accounts accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        Account account = accounts.byId(context.getPrincipal().getName())
                .filter(a -> !a.isSuspended())
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "this sign-in is no longer valid", null)));
        context.getClaims()
                .subject(account.memberId())
                .claim("timebank_id", account.timebankId())
                .claim("roles", List.copyOf(account.roles()));
        if (access) {
            context.getClaims().audience(List.of(audience));
        } else {
            context.getClaims().claim("locale", account.language());
        }
    }
}
