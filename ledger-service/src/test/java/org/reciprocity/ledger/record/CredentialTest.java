package org.reciprocity.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.contracts.contribution.CoproductionKind.GOVERNING_BODY;
import static org.reciprocity.contracts.contribution.CoproductionKind.PEER_SUPPORT;
import static org.reciprocity.contracts.contribution.CoproductionKind.PRACTICAL_HELP;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reciprocity.ledger.record.GivenTime.Validator;

/** What a contribution record says, from given contributions and the member's choices; and nothing more. */
class CredentialTest {

    static final Instant ISSUED = Instant.parse("2026-11-30T10:15:30.123Z");
    static final Credential.Issue ISSUE = new Credential.Issue("7K3M9QX2TB", "tb-1", "Riverside Timebank", "Sam Carter", ISSUED);

    static final List<GivenTime> GIVEN = List.of(
            new GivenTime(PEER_SUPPORT, 90, LocalDate.parse("2026-10-03"), Instant.parse("2026-10-04T09:00:00Z"),
                    Validator.ANOTHER_MEMBER),
            new GivenTime(PRACTICAL_HELP, 45, LocalDate.parse("2026-10-20"), Instant.parse("2026-10-21T09:00:00Z"),
                    Validator.COORDINATOR),
            new GivenTime(PEER_SUPPORT, 30, LocalDate.parse("2026-11-12"), Instant.parse("2026-11-12T18:00:00Z"),
                    Validator.ANOTHER_MEMBER),
            new GivenTime(GOVERNING_BODY, 120, LocalDate.parse("2026-11-20"), Instant.parse("2026-11-21T08:00:00Z"),
                    Validator.ORGANISATION_STAFF));

    @Test
    void isAnOpenBadgeCredentialIssuedByTheTimebankWithTheMinutesGivenByKind() {
        Map<String, Object> vc = Credential.of(ISSUE, new Sharing(true, Set.of(), null, null, true), GIVEN);

        assertThat(vc.get("@context")).isEqualTo(List.of(Credential.VC_CONTEXT, Credential.OB_CONTEXT));
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(vc.get("id")).isEqualTo("urn:reciprocity:contribution-record:7K3M9QX2TB");
        assertThat(vc.get("issuer")).isEqualTo(Map.of("id", "urn:reciprocity:timebank:tb-1", "type", List.of("Profile"),
                "name", "Riverside Timebank"));
        assertThat(vc.get("validFrom")).isEqualTo("2026-11-30T10:15:30Z");
        Map<String, Object> subject = map(vc.get("credentialSubject"));
        assertThat(subject.get("name")).isEqualTo("Sam Carter");
        assertThat(map(subject.get("achievement")).get("type")).isEqualTo(List.of("Achievement"));
        Map<String, Object> record = map(subject.get("contributionRecord"));
        assertThat(record.get("verificationCode")).isEqualTo("7K3M9QX2TB");
        assertThat(record.get("totalMinutes")).isEqualTo(285L);
        assertThat(record.get("minutesByKind")).isEqualTo(Map.of("PEER_SUPPORT", 120L, "PRACTICAL_HELP", 45L,
                "GOVERNING_BODY", 120L));
        assertThat(list(subject.get("result"))).extracting(r -> r.get("kind") + "=" + r.get("value"))
                .containsExactly("GOVERNING_BODY=120", "PEER_SUPPORT=120", "PRACTICAL_HELP=45");
        assertThat(list(record.get("entries")).get(0)).containsExactly(
                Map.entry("kind", "PEER_SUPPORT"), Map.entry("minutes", 90L), Map.entry("happenedOn", "2026-10-03"),
                Map.entry("validatedAt", "2026-10-04T09:00:00Z"), Map.entry("validated", true),
                Map.entry("validatedBy", "ANOTHER_MEMBER"));
    }

    @Test
    void showsOnlyTheKindsAndThePeriodTheMemberChose() {
        Sharing peerSupportInNovember = new Sharing(false, Set.of(PEER_SUPPORT, GOVERNING_BODY),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), true);

        Map<String, Object> record = map(map(Credential.of(ISSUE, peerSupportInNovember, GIVEN).get("credentialSubject"))
                .get("contributionRecord"));

        assertThat(list(record.get("entries"))).extracting(e -> e.get("happenedOn"))
                .containsExactly("2026-11-12", "2026-11-20");
        assertThat(record.get("totalMinutes")).isEqualTo(150L);
        assertThat(record.get("period")).isEqualTo(Map.of("from", "2026-11-01", "to", "2026-11-30"));
    }

    @Test
    void aRecordWithoutNameOrDatesHoldsNeitherAnywhere() {
        Map<String, Object> vc = Credential.of(ISSUE, new Sharing(false, Set.of(), null, null, false), GIVEN);

        String everything = vc.toString();
        assertThat(everything).doesNotContain("Sam", "Carter", "2026-10-03", "2026-10-04", "happenedOn", "validatedAt");
        assertThat(map(vc.get("credentialSubject"))).doesNotContainKey("name");
        assertThat(list(map(map(vc.get("credentialSubject")).get("contributionRecord")).get("entries")))
                .allSatisfy(e -> assertThat(e.keySet()).containsExactly("kind", "minutes", "validated", "validatedBy"));
    }

    @Test
    void whoValidatedIsARoleNeverAPerson() {
        assertThat(Validator.of("sam", "ali", false, "ali", false, false)).isEqualTo(Validator.ANOTHER_MEMBER);
        assertThat(Validator.of("sam", "ali", true, "sam", false, false))
                .as("logged by the one helped, confirmed by the giver: the word of the one helped").isEqualTo(Validator.ANOTHER_MEMBER);
        assertThat(Validator.of("sam", "ali", false, "coord", false, false)).isEqualTo(Validator.COORDINATOR);
        assertThat(Validator.of("sam", "org", false, "staff", true, true)).isEqualTo(Validator.ORGANISATION_STAFF);
        assertThat(Validator.of("sam", "org", false, "coord", true, false)).isEqualTo(Validator.COORDINATOR);
    }

    @Test
    void theSignedRecordChecksWithThePublishedKeySetAndAChangedOneDoesNot(@TempDir Path dir) throws Exception {
        RecordKey key = RecordKey.loadOrCreate(dir.resolve("record.pk8"));
        String jws = key.sign(Credential.of(ISSUE, new Sharing(true, Set.of(), null, null, true), GIVEN));
        ECKey published = (ECKey) JWKSet.parse(key.publicKeys()).getKeyByKeyId(JWSObject.parse(jws).getHeader().getKeyID());

        assertThat(published.isPrivate()).isFalse();
        assertThat(JWSObject.parse(jws).verify(new ECDSAVerifier(published))).isTrue();
        String[] parts = jws.split("\\.");
        String changed = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(
                JWSObject.parse(jws).getPayload().toString().replace("\"totalMinutes\":285", "\"totalMinutes\":2850")) + "." + parts[2];
        assertThat(JWSObject.parse(changed).getPayload().toString()).contains("2850");
        assertThat(JWSObject.parse(changed).verify(new ECDSAVerifier(published))).isFalse();
        assertThat(RecordKey.loadOrCreate(dir.resolve("record.pk8")).id()).as("the same file, the same key").isEqualTo(key.id());
    }

    @Test
    void codesAreTenCrockfordCharactersAndReadAsTyped() {
        String code = VerificationCode.next();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(VerificationCode.normalise("7k3m-9qx2 tb")).isEqualTo("7K3M9QX2TB");
        assertThat(VerificationCode.normalise("O0IL1ABCDE")).isEqualTo("0011 1ABCDE".replace(" ", ""));
        assertThat(VerificationCode.normalise("not a code")).isNull();
        assertThat(VerificationCode.normalise("{$where}")).isNull();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
