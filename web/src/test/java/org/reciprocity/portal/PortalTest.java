package org.reciprocity.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole portal with MockMvc, the services played by one {@link ServiceStub} (timebank {@code demo}). */
@SpringBootTest(properties = {"reciprocity.client-secret=test-secret", "server.servlet.session.cookie.secure=false"})
@AutoConfigureMockMvc
public abstract class PortalTest {

    protected static final String TB = "/api/v1/timebanks/demo";
    protected static final ServiceStub STUB = ServiceStub.start();

    static {
        STUB.json("GET " + TB, "{\"id\":\"demo\",\"name\":\"Demo\",\"zoneId\":\"Europe/Paris\"}");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("reciprocity.ledger-url", STUB::url);
        registry.add("reciprocity.matching-url", STUB::url);
        registry.add("reciprocity.notification-url", STUB::url);
        registry.add("reciprocity.identity-url", STUB::url);
        registry.add("reciprocity.review-url", STUB::url);
        registry.add("reciprocity.issuer-url", () -> "http://localhost:9090");
    }

    /** A member of timebank demo, signed in through identity (ID token claims as identity issues them). */
    protected static OidcLoginRequestPostProcessor member(String memberId, String... roles) {
        return oidcLogin().idToken(t -> t.subject(memberId).claim("timebank_id", "demo")
                .claim("roles", List.of(roles.length == 0 ? new String[] {"MEMBER"} : roles)).claim("name", "Ana"));
    }
}
