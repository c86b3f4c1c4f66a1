package org.reciprocity.identity;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Mongo's health by {@code ping}, true on real MongoDB and mongo-java-server alike (Boot's own check
 * sends {@code hello}, which mongo-java-server does not know). Named to replace Boot's.
 */
@Component("mongoHealthIndicator")
class MongoPing extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPing(MongoTemplate mongo) {
        super("MongoDB did not answer ping");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("ping", mongo.executeCommand(new Document("ping", 1)).get("ok"));
    }
}
