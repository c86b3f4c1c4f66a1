package org.reciprocity.kit.health;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** UP when the cluster answers a describe-cluster request within three seconds. */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka did not answer");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs(3_000));
        Collection<Node> nodes = cluster.nodes().get(3, TimeUnit.SECONDS);
        builder.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                .withDetail("brokers", nodes.size());
    }

    private AdminClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
