package org.reciprocity.identity;

import java.util.List;
import java.util.UUID;

import org.reciprocity.identity.account.Account;
import org.reciprocity.identity.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the integration tests: the whole service on a random port, against a real
 * mongo-java-server over TCP and a real SMTP server (GreenMail), driven by a real HTTP client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IdentityServiceIT {

    static final String ISSUER = TestSupport.ISSUER;
    static final String PORTAL = TestSupport.PORTAL;
    static final String SECRET = TestSupport.SECRET;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestSupport.register(registry);
        registry.add("reciprocity.identity.local", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    /** A person who has set up a password, in their own timebank (so tests do not meet each other). */
    Account aMemberWithPassword(String password, String... roles) {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String member = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String email = member + "@example.org";
        accounts.claimEmail(email, Account.key(timebank, member));
        Account account = accounts.invite(timebank, member, email, "en", List.of(roles));
        accounts.setPassword(account.id(), encoder.encode(password));
        accounts.activate(account.id());
        return accounts.byId(account.id()).orElseThrow();
    }
}
