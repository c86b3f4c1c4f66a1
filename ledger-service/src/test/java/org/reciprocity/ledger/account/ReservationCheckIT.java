package org.reciprocity.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.ledger.book.Account;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/** Minutes a crash left reserved for nothing are given back; real reservations and balances stay. */
@ServiceIntegrationTest
class ReservationCheckIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReservationCheck check;

    @Test
    void aReservationNoContributionExplainsIsGivenBackAndNothingElseChanges() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        String open = given.logGiven(sam, ali, 30).text("id");
        given.validate(given.logGiven(ali, sam, 20).text("id"), sam, "thanks");
        // a crash after reserving 45 minutes for Sam's next log, before the contribution was recorded
        mongo.getCollection("accounts").updateOne(new Document("_id", sam),
                new Document("$inc", new Document("creditsPending", 45L)));
        assertThat(account(given, sam).path("creditsPending").asLong()).isEqualTo(30 + 45);

        assertThat(check.check(given.timebank)).extracting(Account::id).containsExactly(sam);

        assertThat(account(given, sam).path("creditsPending").asLong()).as("only the open contribution's 30").isEqualTo(30);
        assertThat(account(given, ali).path("debitsPending").asLong()).isEqualTo(30);
        assertThat(given.balance(sam)).isEqualTo(-20);
        assertThat(given.balance(ali)).isEqualTo(20);
        assertThat(check.check(given.timebank)).as("a second check finds nothing to repair").isEmpty();

        ApiClient.Response validated = given.validate(open, ali, "thank you");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(account(given, sam).path("creditsPending").asLong()).isZero();
        assertThat(given.balance(sam)).isEqualTo(10);
        assertThat(given.sumOfBalances()).isZero();
    }

    private static JsonNode account(LedgerFixture given, String id) {
        return given.api.get(given.path("/accounts/" + id), given.admin()).json();
    }
}
