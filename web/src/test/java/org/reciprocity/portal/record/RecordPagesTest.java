package org.reciprocity.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17 in the portal: the member chooses what their record shows and gets a PDF; anyone checks a
 * record on /verify without signing in, and the portal checks the signature itself with the ledger's
 * published keys (here a key this test made and the stub publishes).
 */
class RecordPagesTest extends PortalTest {

    static final String CODE = "7K3M9QX2TB";
    static final String GONE = "9Z8Y7X6W5V";
    static ECKey key;
    static String jws;
    static String withdrawnJws;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void aSignedRecordTheStubServes() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        jws = sign(credential(CODE));
        withdrawnJws = sign(credential(GONE));
        STUB.json("GET /api/v1/contribution-records/keys", new JWKSet(key.toPublicJWK()).toString())
                .json("GET /api/v1/contribution-records/" + CODE, "{\"code\":\"" + CODE + "\",\"jws\":\"" + jws + "\",\"status\":\"ISSUED\"}")
                .json("GET /api/v1/contribution-records/" + GONE, "{\"code\":\"" + GONE + "\",\"jws\":\"" + withdrawnJws
                        + "\",\"status\":\"WITHDRAWN\"}")
                .problem("GET /api/v1/contribution-records/AAAAAAAAAA", 404, "not-found", "Not found.")
                .json("GET " + TB + "/members/ana/contribution-records", "[{\"code\":\"" + CODE + "\",\"jws\":\"" + jws
                        + "\",\"issuedAt\":\"2026-11-30T10:15:30Z\",\"status\":\"ISSUED\",\"totalMinutes\":135,\"entries\":2}]")
                .answer("POST " + TB + "/members/ana/contribution-records", 201, "application/json",
                        "{\"code\":\"" + CODE + "\",\"jws\":\"" + jws + "\",\"issuedAt\":\"2026-11-30T10:15:30Z\","
                                + "\"status\":\"ISSUED\",\"totalMinutes\":135,\"entries\":2}")
                .json("POST " + TB + "/members/ana/contribution-records/" + CODE + "/revocation", "{}");
    }

    static Map<String, Object> credential(String code) {
        return Map.of("type", List.of("VerifiableCredential", "OpenBadgeCredential"),
                "issuer", Map.of("id", "urn:reciprocity:timebank:demo", "name", "Riverside Timebank"),
                "validFrom", "2026-11-30T10:15:30Z",
                "credentialSubject", Map.of("type", List.of("AchievementSubject"), "name", "Ana Lopez",
                        "contributionRecord", Map.of("verificationCode", code, "period", Map.of(), "totalMinutes", 135,
                                "minutesByKind", Map.of("PEER_SUPPORT", 135),
                                "entries", List.of(
                                        Map.of("kind", "PEER_SUPPORT", "minutes", 90, "validated", true, "validatedBy", "ANOTHER_MEMBER"),
                                        Map.of("kind", "PEER_SUPPORT", "minutes", 45, "validated", true, "validatedBy", "COORDINATOR")))));
    }

    static String sign(Map<String, Object> credential) throws Exception {
        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").type(new JOSEObjectType("vc+jwt")).build(),
                new Payload(credential));
        signed.sign(new ECDSASigner(key));
        return signed.serialize();
    }

    @Test
    void theMemberChoosesWhatToShowAndTheLedgerIsAskedForExactlyThat() throws Exception {
        mvc.perform(get("/record").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"make-record\"")))
                .andExpect(content().string(containsString("name=\"kinds\"")))
                .andExpect(content().string(containsString("href=\"/record/" + CODE + "\"")));

        mvc.perform(post("/record").with(member("ana")).with(csrf()).param("showName", "yes").param("kinds", "PEER_SUPPORT")
                        .param("period", "last12").param("showDates", "no"))
                .andExpect(redirectedUrl("/record/" + CODE));
        String body = STUB.last("POST", TB + "/members/ana/contribution-records").body();
        assertThat(body).contains("\"showName\":true", "\"showDates\":false", "\"kinds\":[\"PEER_SUPPORT\"]", "\"from\":", "\"to\":");
    }

    @Test
    void bothYesOrNoQuestionsAreTheSameRadiosEachWithItsOwnIdsHintAndAnswer() throws Exception {
        String page = mvc.perform(post("/record").with(member("ana")).with(csrf()).param("showName", "no")
                        .param("period", "all").param("showDates", "yes"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("aria-describedby=\"showName-hint\"", "id=\"showName-hint\"", "Without your name, the record does not say who you are",
                "id=\"showName\" name=\"showName\" type=\"radio\" value=\"yes\">",
                "id=\"showName-no\" name=\"showName\" type=\"radio\" value=\"no\" checked=\"checked\">",
                "aria-describedby=\"showDates-hint\"", "id=\"showDates-hint\"",
                "id=\"showDates\" name=\"showDates\" type=\"radio\" value=\"yes\" checked=\"checked\">",
                "id=\"showDates-no\" name=\"showDates\" type=\"radio\" value=\"no\">", "for=\"showDates-no\"");
    }

    @Test
    void aPastedRecordItsMemberWithdrewSaysWithdrawnNotValid() throws Exception {
        STUB.clear();
        mvc.perform(post("/verify").with(csrf()).param("jws", withdrawnJws))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verify-withdrawn\"")))
                .andExpect(content().string(not(containsString("id=\"verify-valid\""))))
                .andExpect(content().string(not(containsString("Ana Lopez"))));
        assertThat(STUB.last("GET", "/api/v1/contribution-records/" + GONE)).as("its code was looked up").isNotNull();
    }

    @Test
    void aChoiceLeftOutIsSaidInAnErrorSummaryAndNothingIsAsked() throws Exception {
        STUB.clear();
        mvc.perform(post("/record").with(member("ana")).with(csrf()).param("showName", "yes").param("period", "all")
                        .param("showDates", "no"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Choose at least one kind of help")));
        assertThat(STUB.received()).noneMatch(r -> r.method().equals("POST"));
        mvc.perform(post("/record").with(member("ana")).param("showName", "yes")).andExpect(status().isForbidden());
    }

    @Test
    void theMadeRecordOffersItsPdfWhoseTextSaysWhatWasGivenTheCodeAndTheSignedRecord() throws Exception {
        mvc.perform(get("/record/" + CODE).with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"download-pdf\"")))
                .andExpect(content().string(containsString("/verify?code=" + CODE)))
                .andExpect(content().string(containsString(">2 h 15 min<")));
        byte[] pdf = mvc.perform(get("/record/" + CODE + "/pdf").with(member("ana")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        // kept beside the build's output, for a person to open and read
        java.nio.file.Files.write(java.nio.file.Path.of("target", "contribution-record-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Contribution record", "Ana Lopez", "Riverside Timebank", "2 h 15 min", "1 h 30 min", "45 min",
                    "The member who was helped", "A coordinator", CODE, "/verify?code=" + CODE);
            assertThat(text.replaceAll("\\s", "")).contains(jws);
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("a tagged PDF").isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Contribution record");
        }
        mvc.perform(get("/record/AAAAAAAAAA/pdf").with(member("ana"))).andExpect(status().isNotFound());
    }

    @Test
    void theMemberWithdrawsTheirOwnRecordAndOnlyTheirs() throws Exception {
        mvc.perform(post("/record/" + CODE + "/withdraw").with(member("ana")).with(csrf()))
                .andExpect(redirectedUrl("/record/" + CODE));
        assertThat(STUB.last("POST", TB + "/members/ana/contribution-records/" + CODE + "/revocation")).isNotNull();
        mvc.perform(post("/record/" + GONE + "/withdraw").with(member("ana")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/record/" + CODE + "/withdraw").with(member("ana"))).andExpect(status().isForbidden());
    }

    @Test
    void aCodeChecksWithoutSignInAndShowsOnlyWhatTheRecordSays() throws Exception {
        mvc.perform(get("/verify").param("code", CODE.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verify-valid\"")))
                .andExpect(content().string(containsString("Ana Lopez")))
                .andExpect(content().string(containsString(">2 h 15 min<")))
                .andExpect(content().string(not(containsString("id=\"verify-not-valid\""))));
        mvc.perform(get("/verify").param("code", GONE))
                .andExpect(content().string(containsString("id=\"verify-withdrawn\"")))
                .andExpect(content().string(not(containsString("Ana Lopez"))));
        mvc.perform(get("/verify").param("code", "AAAAAAAAAA"))
                .andExpect(content().string(containsString("There is no record with this code")));
        mvc.perform(get("/verify").param("code", "<script>"))
                .andExpect(content().string(containsString("Type the code. It has 10 letters and numbers")));
    }

    @Test
    void aPastedRecordThatWasChangedIsNotValidAndTheUnchangedOneIs() throws Exception {
        String[] parts = jws.split("\\.");
        String payload = JWSObject.parse(jws).getPayload().toString().replace("\"totalMinutes\":135", "\"totalMinutes\":1350");
        String changed = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        mvc.perform(post("/verify").with(csrf()).param("jws", changed))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verify-not-valid\"")))
                .andExpect(content().string(not(containsString("22 h 30 min"))));
        mvc.perform(post("/verify").with(csrf()).param("jws", "not a record at all"))
                .andExpect(content().string(containsString("id=\"verify-not-valid\"")));
        mvc.perform(post("/verify").with(csrf()).param("jws", jws.substring(0, 40) + "\n" + jws.substring(40)).param("lang", "fr"))
                .andExpect(content().string(containsString("id=\"verify-valid\"")))
                .andExpect(content().string(containsString("Cette attestation est valide")));
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        JWSObject forged = new JWSObject(JWSObject.parse(jws).getHeader(), new Payload(payload));
        forged.sign(new ECDSASigner(stranger));
        mvc.perform(post("/verify").with(csrf()).param("jws", forged.serialize()))
                .andExpect(content().string(containsString("id=\"verify-not-valid\"")));
    }
}
