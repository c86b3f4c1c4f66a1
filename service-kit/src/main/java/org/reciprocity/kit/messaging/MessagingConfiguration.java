package org.reciprocity.kit.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.kit.time.MovableClock;
import org.reciprocity.kit.time.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Kafka as every service uses it: idempotent {@code acks=all} producers writing CloudEvents,
 * consumers that never stop on a bad record (retry with back-off, then {@code <topic>-dlt} with
 * the reason in headers), and every topic of the catalogue created with its dead-letter twin.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.PropertySource("classpath:org/reciprocity/kit/messaging/messaging-defaults.properties")
public class MessagingConfiguration {

    /** Header of a dead-lettered record giving the root cause of its failure in one line. */
    public static final String DEAD_LETTER_REASON_HEADER = "reciprocity_dlt-reason";

    /**
     * How long a send may block its thread while the producer has no metadata for the topic (the
     * broker away) or no room in its buffer; Kafka's default is 60 s. Only the outbox relay's and the
     * consumers' threads send, never a request's, but a relay thread held a minute holds up every
     * event queued behind it after the broker is back; a send that times out is tried again.
     */
    static final java.time.Duration MAX_BLOCK = java.time.Duration.ofSeconds(5);

    /**
     * The service's one clock: every scheduled job and time-dependent decision reads it. In tests
     * ({@code reciprocity.test-clock.enabled}) it is a {@link MovableClock} they move forward.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${" + TestClockConfiguration.ENABLED + ":false}") boolean movable) {
        return movable ? new MovableClock(Clock.systemUTC()) : Clock.systemUTC();
    }

    @Bean
    ProducerFactory<String, DomainEvent> eventProducerFactory(KafkaProperties properties,
            @Value("${spring.application.name}") String service) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        config.put(EventSerializer.SOURCE_CONFIG, "/" + service);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerializer("/" + service));
    }

    @Bean
    KafkaTemplate<String, DomainEvent> eventTemplate(ProducerFactory<String, DomainEvent> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, DomainEvent> eventTemplate) {
        return new EventPublisher(eventTemplate);
    }

    @Bean
    ConsumerFactory<String, DomainEvent> eventConsumerFactory(KafkaProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new EventDeserializer()));
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaTemplate<String, DomainEvent> eventTemplate, KafkaProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        // A record that could not be read goes to the dead-letter topic as the raw bytes it was.
        KafkaOperations<String, byte[]> rawTemplate = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(DomainEvent.class, eventTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        // Spring's own headers name the exception; this one says in a line what was wrong with the record.
        recoverer.setHeadersFunction((record, failure) -> new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(DEAD_LETTER_REASON_HEADER, reason(failure).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, DomainEvent> kafkaListenerContainerFactory(
            ConsumerFactory<String, DomainEvent> eventConsumerFactory, DefaultErrorHandler eventErrorHandler,
            @Value("${reciprocity.kafka.consumer-concurrency:1}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, DomainEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        factory.setCommonErrorHandler(eventErrorHandler);
        factory.setConcurrency(concurrency);
        return factory;
    }

    /**
     * Every service declares the whole catalogue; a topic that exists is not created again, but its
     * settings are brought to the declared ones at start ({@code spring.kafka.admin.modify-topic-configs},
     * on in messaging-defaults.properties), each
     * topic with the {@code min.insync.replicas} that keeps {@code acks=all} meaningful on this
     * cluster ({@link TopicDeclarations}); a configured value that does not suit the replication
     * factor stops the service at start-up.
     */
    @Bean
    KafkaAdmin.NewTopics catalogueTopics(@Value("${reciprocity.kafka.replication-factor:1}") short replicationFactor,
            @Value("${reciprocity.kafka.min-insync-replicas:${KAFKA_MIN_INSYNC_REPLICAS:}}") String minInSyncReplicas,
            @Value("${reciprocity.kafka.compaction-lag:PT24H}") java.time.Duration compactionLag) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.of(replicationFactor, minInSyncReplicas, compactionLag).catalogue()
                .toArray(NewTopic[]::new));
    }

    /** For an unreadable record, the outermost explanation (our deserializer's own words); else the root cause. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        Throwable unreadable = null;
        while (true) {
            if (unreadable == null && cause instanceof org.apache.kafka.common.errors.SerializationException) {
                unreadable = cause;
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        Throwable reason = unreadable != null ? unreadable : cause;
        return reason.getClass().getSimpleName() + ": " + reason.getMessage();
    }
}
