package org.reciprocity.review.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.review.ReviewApplication;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.ReviewQuery;
import org.reciprocity.review.figures.ReviewSort;
import org.reciprocity.review.store.Projections;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a test: a measurement. One timebank of M members and T validated contributions over twelve
 * months (each a ContributionLogged, a ContributionValidated and a TransferPosted) is put on the
 * real broker first; then review-service starts and folds the topics from the start (events/s,
 * until every posting is there); then the review page for one month is asked R times (p50/p95,
 * figures read through the service's own {@link ReviewFigures}, not HTTP). mongo-java-server over TCP,
 * as in the integration tests. Run with {@code scripts/bench-review-service.sh [M] [T] [R]}.
 */
public final class ReviewBenchmark {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        SharedInfrastructure infra = SharedInfrastructure.get();
        String tb = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        long events = publish(infra.kafkaBootstrapServers(), tb, members, transfers);
        System.out.printf("published %,d events (%,d members, %,d transfers)%n", events, members, transfers);

        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri("review_bench_" + tb.substring(6)),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infra.tokens().jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + org.reciprocity.testsupport.TestTokens.AUDIENCE,
                "--reciprocity.security.issuer=" + infra.tokens().issuer(),
                "--server.port=0", "--logging.level.root=WARN");
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        long generation = app.getBean(Projections.class).generation();
        String postings = "g" + generation + "_postings";
        while (mongo.getCollection(postings).countDocuments() < transfers
                || mongo.getCollection("g" + generation + "_members").countDocuments() < members) {
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("projected %,d events in %.1f s (start-up included): %,.0f events/s%n", events, seconds,
                events / seconds);

        ReviewFigures figures = app.getBean(ReviewFigures.class);
        Period month = Period.month(YearMonth.of(2026, 6));
        ReviewQuery query = new ReviewQuery(month, null, null, ReviewSort.GIVEN, true, 0, 50);
        figures.review(tb, query, Instant.now()); // warm up
        long[] millis = new long[reads];
        for (int i = 0; i < reads; i++) {
            long t = System.nanoTime();
            figures.review(tb, query, Instant.now());
            millis[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("review page, one month, %d reads: p50 %d ms, p95 %d ms, max %d ms%n", reads,
                millis[reads / 2], millis[(int) Math.ceil(reads * 0.95) - 1], millis[reads - 1]);
        long t = System.nanoTime();
        figures.parity(tb, month);
        System.out.printf("parity, one month: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        figures.indicators(tb, month);
        System.out.printf("indicators, one month: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        app.close();
        System.exit(0);
    }

    private static long publish(String bootstrap, String tb, int members, int transfers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random random = new Random(7);
        MemberKind[] kinds = MemberKind.values();
        CoproductionKind[] coKinds = CoproductionKind.values();
        Map<String, Long> balances = new HashMap<>();
        long count = 0;
        Instant start = LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long step = Duration.ofDays(365).toMillis() / transfers;
        try (KafkaProducer<String, DomainEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer("/bench"))) {
            for (int m = 0; m < members; m++) {
                send(producer, new MemberRegistered(UUID.randomUUID(), start, tb, "m" + m, kinds[random.nextInt(kinds.length)],
                        "Member " + m, null, "en", List.of("MEMBER"), "bench"));
                count++;
            }
            for (int i = 0; i < transfers; i++) {
                Instant at = start.plusMillis(step * i);
                String giver = "m" + random.nextInt(members);
                String receiver = "m" + random.nextInt(members);
                if (giver.equals(receiver)) {
                    receiver = "org-1";
                }
                long minutes = 15 + random.nextInt(180);
                String id = "c" + i;
                send(producer, new ContributionLogged(UUID.randomUUID(), at, tb, id, giver, receiver, LoggedBy.GIVER, giver,
                        null, receiver, minutes, LocalDate.ofInstant(at, ZoneOffset.UTC),
                        coKinds[random.nextInt(coKinds.length)], "bench", null, null, at.plus(Duration.ofDays(14))));
                send(producer, new ContributionValidated(UUID.randomUUID(), at, tb, id, receiver, giver, receiver, minutes,
                        null, null, "t" + i));
                send(producer, new TransferPosted(UUID.randomUUID(), at, tb, "t" + i, receiver, giver, minutes,
                        TransferReason.CONTRIBUTION, balances.merge(receiver, -minutes, Long::sum),
                        balances.merge(giver, minutes, Long::sum), id, null, i + 1, "h" + i));
                count += 3;
            }
            producer.flush();
        }
        return count;
    }

    private static void send(KafkaProducer<String, DomainEvent> producer, DomainEvent event) {
        producer.send(new ProducerRecord<>(EventTypes.of(event).topic().name(), event.subject(), event));
    }
}
