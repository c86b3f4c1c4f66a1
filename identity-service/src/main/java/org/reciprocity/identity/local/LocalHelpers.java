package org.reciprocity.identity.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.reciprocity.identity.IdentitySettings;
import org.reciprocity.identity.account.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Helpers for the local platform only (404 anywhere else): a token for the launcher and the API
 * walk-through, and the link that sets up the first admin.
 */
@RestController
class LocalHelpers {

    static final Duration LOCAL_TOKEN_TTL = Duration.ofHours(8);

    private final LocalOnly guard;
    private final JwtEncoder encoder;
    private final IdentitySettings settings;
    private final FirstAdmin firstAdmin;
    private final Clock clock;

    LocalHelpers(IdentitySettings settings, JwtEncoder encoder, FirstAdmin firstAdmin, Clock clock) {
        this.guard = new LocalOnly(settings.local());
        this.encoder = encoder;
        this.settings = settings;
        this.firstAdmin = firstAdmin;
        this.clock = clock;
    }

    @PostMapping(value = "/local/token", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> token(@RequestParam String member, @RequestParam String timebank,
                                 @RequestParam(defaultValue = "") String roles, HttpServletRequest request) {
        if (!guard.allows(request)) {
            return ResponseEntity.notFound().build();
        }
        List<String> named = Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (!named.stream().allMatch(Role::isKnown)) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body("unknown role");
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuerUrl())
                .subject(member)
                .audience(List.of(settings.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(LOCAL_TOKEN_TTL))
                .claim("timebank_id", timebank)
                .claim("roles", Role.normalise(named))
                .build();
        String jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
        return ResponseEntity.ok(jwt);
    }

    @GetMapping(value = "/local/first-admin-link", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> firstAdminLink(HttpServletRequest request) {
        if (!guard.allows(request)) {
            return ResponseEntity.notFound().build();
        }
        return firstAdmin.link().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
