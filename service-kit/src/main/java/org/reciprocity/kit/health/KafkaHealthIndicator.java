package org.reciprocity.kit.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the cluster answers a describe-cluster request within three seconds. The answer is
 * reused for {@link #REUSED_FOR}: health is public, and a describe per call would let anyone
 * make the broker work by calling it in a loop. Concurrent callers wait for one describe.
 */
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);

    static final Duration REUSED_FOR = Duration.ofSeconds(5);

    private final Supplier<Admin> admins;
    private final Supplier<Instant> now;
    private Admin client;
    private Health last;
    private Instant lastAt;

    KafkaHealthIndicator(Supplier<Admin> admins, Supplier<Instant> now) {
        this.admins = admins;
        this.now = now;
    }

    @Override
    public synchronized Health health() {
        if (last == null || !now.get().isBefore(lastAt.plus(REUSED_FOR))) {
            last = describe();
            lastAt = now.get();
        }
        return last;
    }

    private Health describe() {
        try {
            if (client == null) {
                client = admins.get();
            }
            DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3_000));
            Collection<Node> nodes = cluster.nodes().get(3, TimeUnit.SECONDS);
            return Health.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                    .withDetail("brokers", nodes.size()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            log.warn("Kafka did not answer: {}", e.getMessage());
            return Health.down(e).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
