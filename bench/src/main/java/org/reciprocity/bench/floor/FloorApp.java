package org.reciprocity.bench.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.kit.ReciprocityService;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.kit.access.AccessRule;
import org.reciprocity.kit.access.Relation;
import org.reciprocity.kit.access.SubjectRelations;
import org.reciprocity.kit.messaging.EventPublisher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Reciprocity service with no business in it: the services' own configuration (service-kit:
 * JWT resource server with the remembered-token cache and the timebank access check, Jackson,
 * problem details, actuator and observation, MongoDB, the idempotent {@code acks=all} event
 * producer, the outbox relay) and three endpoints that each do a known, fixed amount of the work
 * a contribution call does. {@link StackFloorBenchmark} runs it in its own JVM and measures what
 * the stack itself costs per call.
 *
 * <ul>
 *   <li>{@code POST /api/v1/timebanks/{timebankId}/floor/echo}: the body parsed, validated and returned;</li>
 *   <li>{@code .../floor/insert}: the same plus one MongoDB insert of it (MongoTemplate, mapped document);</li>
 *   <li>{@code .../floor/publish}: the same plus one ContributionLogged event (~500 bytes) sent through the
 *       kit's {@link EventPublisher}, waiting for the broker's acknowledgement.</li>
 * </ul>
 *
 * <p>Configured like ledger-service (its application.yml, as default properties here), from the same
 * environment variables the local platform gives a service: PORT, MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS,
 * JWK_SET_URI, JWT_ISSUER, JWT_AUDIENCE. Its one access rule lets any signed-in member in, as the
 * ledger's logging does before its own checks. The kit needs nothing more: without an {@code OutboxCollections} bean the relay sweeps no
 * collection, and the Kafka admin creates the catalogue topics as every service does.
 */
@SpringBootApplication
@ReciprocityService
public class FloorApp {

    static final String COLLECTION = "floor_contributions";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(FloorApp.class);
        app.setDefaultProperties(defaults());
        app.run(args);
    }

    /** ledger-service's application.yml, less what only its business uses. */
    static Map<String, Object> defaults() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.application.name", "floor-app");
        p.put("spring.mongodb.uri", "${MONGODB_URI:mongodb://127.0.0.1:27027/floor}");
        p.put("spring.data.mongodb.auto-index-creation", "true");
        p.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}");
        p.put("spring.kafka.consumer.group-id", "floor-app");
        p.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "${JWK_SET_URI}");
        p.put("spring.security.oauth2.resourceserver.jwt.audiences", "${JWT_AUDIENCE}");
        p.put("reciprocity.security.issuer", "${JWT_ISSUER}");
        p.put("spring.mvc.problemdetails.enabled", "true");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        p.put("spring.task.scheduling.pool.size", "4");
        p.put("server.port", "${PORT:8080}");
        p.put("server.shutdown", "graceful");
        p.put("management.observations.enable.spring.security", "false");
        p.put("management.endpoints.web.exposure.include", "health,info");
        p.put("management.endpoint.health.show-details", "always");
        p.put("management.endpoint.health.show-components", "always");
        p.put("management.health.mongo.enabled", "false");
        p.put("management.health.mongodb.enabled", "false");
        p.put("logging.level.org.apache.kafka", "WARN");
        p.put("logging.structured.format.console", "${LOG_FORMAT:ecs}");
        p.put("reciprocity.kafka.replication-factor", "${KAFKA_REPLICATION_FACTOR:1}");
        return p;
    }

    /** A request body the size and shape of a logged contribution. */
    record Contribution(
            @NotBlank @Size(max = 100) String id,
            @NotBlank String giverId,
            @NotBlank String receiverId,
            @Min(1) @Max(1440) long minutes,
            @NotNull LocalDate happenedOn,
            @NotNull CoproductionKind kind,
            @Size(max = 500) String description) {
    }

    /** What the insert stores: the contribution, its timebank and when it came in. */
    record FloorDocument(String id, String timebankId, String giverId, String receiverId, long minutes,
                         LocalDate happenedOn, CoproductionKind kind, String description, Instant receivedAt) {
    }

    /** The event the publish sends: what ledger-service publishes when a contribution is logged. */
    static ContributionLogged event(String timebankId, Contribution c, Instant now) {
        return new ContributionLogged(UUID.randomUUID(), now, timebankId, c.id(), c.giverId(), c.receiverId(),
                LoggedBy.GIVER, c.giverId(), null, c.receiverId(), c.minutes(), c.happenedOn(), c.kind(),
                c.description(), null, null, now.plus(Duration.ofDays(14)));
    }

    /** The floor's access policy: one rule, any signed-in member of the timebank. */
    enum FloorAccess implements AccessRule {
        FLOOR;

        @Override
        public Set<Relation> allowed() {
            return Set.of(Relation.MEMBER);
        }
    }

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.of(FloorAccess.class, SubjectRelations.SELF_ONLY);
    }

    @RestController
    @RequestMapping("/api/v1/timebanks/{timebankId}/floor")
    static class FloorController {

        private final MongoTemplate mongo;
        private final EventPublisher events;
        private final Clock clock;

        FloorController(MongoTemplate mongo, EventPublisher events, Clock clock) {
            this.mongo = mongo;
            this.events = events;
            this.clock = clock;
        }

        @Access("FLOOR")
        @PostMapping("/echo")
        Contribution echo(@PathVariable String timebankId, @Valid @RequestBody Contribution contribution) {
            return contribution;
        }

        @Access("FLOOR")
        @PostMapping("/insert")
        @ResponseStatus(HttpStatus.CREATED)
        Contribution insert(@PathVariable String timebankId, @Valid @RequestBody Contribution contribution) {
            store(timebankId, contribution);
            return contribution;
        }

        @Access("FLOOR")
        @PostMapping("/publish")
        @ResponseStatus(HttpStatus.CREATED)
        Contribution publish(@PathVariable String timebankId, @Valid @RequestBody Contribution contribution)
                throws Exception {
            Instant now = store(timebankId, contribution);
            events.publish(event(timebankId, contribution, now)).get(10, TimeUnit.SECONDS);
            return contribution;
        }

        private Instant store(String timebankId, Contribution c) {
            Instant now = clock.instant();
            mongo.insert(new FloorDocument(c.id(), timebankId, c.giverId(), c.receiverId(), c.minutes(), c.happenedOn(),
                    c.kind(), c.description(), now), COLLECTION);
            return now;
        }
    }
}
