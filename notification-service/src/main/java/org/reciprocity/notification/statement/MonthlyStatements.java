package org.reciprocity.notification.statement;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.LinkedHashSet;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * The read model behind monthly statements, fed by the ledger's {@code TransferPosted} events
 * (which carry both balances after): the ledger is never asked over HTTP. A transfer counts in the
 * month of its posting in the timebank's zone (UTC while the zone is not known yet). Each write is
 * conditional on the revision it read (how many transfers the month counts), and a month knows
 * which transfers it counted, so a redelivered or late transfer, or two consumers racing after a
 * rebalance, count it once.
 */
@Service
public class MonthlyStatements {

    private static final String CONSUMER = "notification.statements";
    private static final int TRIES = 5;

    private final MongoTemplate mongo;
    private final Recipients recipients;

    MonthlyStatements(MongoTemplate mongo, Recipients recipients) {
        this.mongo = mongo;
        this.recipients = recipients;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LEDGER_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof TransferPosted transfer) {
            ZoneId zone = recipients.timebank(transfer.timebankId()).zone();
            YearMonth month = YearMonth.from(transfer.occurredAt().atZone(zone));
            for (String account : new LinkedHashSet<>(List.of(transfer.debitAccountId(), transfer.creditAccountId()))) {
                count(transfer, account, month);
            }
        }
    }

    /** The months of a timebank's members who had any transfer in {@code month}. */
    public List<MonthlyActivity> of(String timebankId, YearMonth month) {
        return mongo.find(Query.query(Criteria.where("timebankId").is(timebankId).and("month").is(month.toString())),
                MonthlyActivityDocument.class).stream().map(MonthlyActivityDocument::toActivity).toList();
    }

    private void count(TransferPosted transfer, String account, YearMonth month) {
        String key = MonthlyActivityDocument.key(month, account);
        for (int i = 0; i < TRIES; i++) {
            MonthlyActivityDocument stored = mongo.findById(key, MonthlyActivityDocument.class);
            MonthlyActivity before = stored == null ? MonthlyActivity.none(account, transfer.timebankId(), month)
                    : stored.toActivity();
            MonthlyActivity after = before.with(transfer);
            if (after == before) {
                return; // counted already
            }
            if (stored == null ? inserted(after) : replaced(before, after)) {
                return;
            }
        }
        throw new IllegalStateException("month " + key + " kept changing under transfer " + transfer.transferId());
    }

    private boolean inserted(MonthlyActivity after) {
        try {
            mongo.insert(MonthlyActivityDocument.of(after));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private boolean replaced(MonthlyActivity before, MonthlyActivity after) {
        Query unchanged = Query.query(Criteria.where("_id").is(MonthlyActivityDocument.key(before.month(),
                before.memberId())).and("revision").is(before.counted().size()));
        Update update = new Update().set("minutesGiven", after.minutesGiven()).set("minutesReceived", after.minutesReceived())
                .set("contributionsValidated", after.contributionsValidated()).set("balanceAtEnd", after.balanceAtEnd())
                .set("lastSequence", after.lastSequence()).set("counted", after.counted())
                .set("revision", after.counted().size());
        return mongo.updateFirst(unchanged, update, MonthlyActivityDocument.class).getModifiedCount() == 1;
    }
}
