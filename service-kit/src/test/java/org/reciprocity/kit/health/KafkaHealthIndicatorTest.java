package org.reciprocity.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Health is public, so a flood of calls must not become a flood of describe-cluster requests to
 * the broker (issue 10, finding 6): one describe serves every call for five seconds.
 */
class KafkaHealthIndicatorTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Admin admin = aClusterThatAnswers();
    final KafkaHealthIndicator kafka = new KafkaHealthIndicator(() -> admin, () -> clock.instant());

    @Test
    void aThousandCallsWithinFiveSecondsCostOneDescribe() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(kafka.health().getStatus()).isEqualTo(Status.UP);
        }

        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));
    }

    @Test
    void concurrentCallersShareOneDescribe() throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 200; i++) {
            callers.execute(kafka::health);
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));
    }

    @Test
    void theClusterIsAskedAgainAfterFiveSeconds() {
        kafka.health();

        clock = Clock.fixed(NOW.plus(KafkaHealthIndicator.REUSED_FOR), ZoneOffset.UTC);
        kafka.health();

        verify(admin, times(2)).describeCluster(any(DescribeClusterOptions.class));
    }

    @Test
    void aClusterThatDoesNotAnswerIsDown() {
        Admin silent = mock(Admin.class);
        when(silent.describeCluster(any(DescribeClusterOptions.class))).thenThrow(new IllegalStateException("no broker"));

        assertThat(new KafkaHealthIndicator(() -> silent, () -> clock.instant()).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static Admin aClusterThatAnswers() {
        Admin admin = mock(Admin.class);
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        when(cluster.nodes()).thenReturn(KafkaFuture.completedFuture(List.of(new Node(1, "127.0.0.1", 9092))));
        when(cluster.clusterId()).thenReturn(KafkaFuture.completedFuture("cluster-1"));
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(cluster);
        return admin;
    }
}
