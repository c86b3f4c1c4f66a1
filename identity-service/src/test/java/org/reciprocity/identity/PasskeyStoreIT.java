package org.reciprocity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.identity.account.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/** Passkeys are kept in Mongo, and Spring Security's WebAuthn endpoints use that store. */
class PasskeyStoreIT extends IdentityServiceIT {

    @Autowired
    PublicKeyCredentialUserEntityRepository users;

    @Autowired
    UserCredentialRepository credentials;

    @Test
    void registrationOptionsMakeTheSignedInPersonsUserEntityInMongo() {
        Account member = aMemberWithPassword("a long walk by the sea");
        Browser browser = browser();
        browser.signIn(member.email(), "a long walk by the sea");
        HttpResponse<String> page = browser.get("/account/passkey");
        assertThat(page.body()).contains("id=\"register-passkey\"");
        // the page allows no inline script: the token rides on the button for passkey.js
        String csrf = page.body().replaceAll("(?s).*data-csrf-token=\"([^\"]+)\".*", "$1");

        HttpResponse<String> options = browser.send(HttpRequest.newBuilder(URI.create(browser.base + "/webauthn/register/options"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).contains("\"rp\":{\"id\":\"localhost\",\"name\":\"Reciprocity\"}")
                // the person's device shows their e-mail, not our account key
                .contains("\"displayName\":\"" + member.email() + "\"");
        assertThat(users.findByUsername(member.id())).isNotNull();
    }

    @Test
    void aCredentialRecordComesBackWholeByItsIdAndByItsPerson() {
        Bytes userId = Bytes.random();
        users.save(org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity.builder()
                .id(userId).name("tb-x:someone").displayName("someone").build());
        Bytes credentialId = Bytes.random();
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        credentials.save(ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY).credentialId(credentialId).userEntityUserId(userId)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3})).signatureCount(7).uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.INTERNAL)).backupEligible(true).backupState(false)
                .label("My passkey").created(created).lastUsed(created).build());

        var found = credentials.findByCredentialId(credentialId);
        assertThat(found.getUserEntityUserId()).isEqualTo(userId);
        assertThat(found.getPublicKey().getBytes()).containsExactly(1, 2, 3);
        assertThat(found.getSignatureCount()).isEqualTo(7);
        assertThat(found.getTransports()).containsExactly(AuthenticatorTransport.INTERNAL);
        assertThat(found.getLabel()).isEqualTo("My passkey");
        assertThat(credentials.findByUserId(userId)).hasSize(1);
        assertThat(users.findById(userId).getName()).isEqualTo("tb-x:someone");

        credentials.delete(credentialId);
        assertThat(credentials.findByCredentialId(credentialId)).isNull();
        assertThat(credentials.findByUserId(userId)).isEmpty();
    }

    @Test
    void choosingAPasskeyOnTheWelcomePageSignsInAndOpensThePasskeyPage() {
        Account member = aMemberWithPassword("a long walk by the sea");
        accounts.invite(member.timebankId(), member.memberId(), member.email(), "en", null);
        String welcome = "/welcome/" + welcomeTokens.issue(member.id()).token();
        Browser browser = browser();
        HttpResponse<String> chosen = browser.submit(welcome, welcome, Map.of("method", "passkey"));
        assertThat(Browser.location(chosen)).endsWith("/account/passkey");
        assertThat(browser.get("/account/passkey").statusCode()).isEqualTo(200);
    }

    @Autowired
    org.reciprocity.identity.invitation.WelcomeTokens welcomeTokens;
}
