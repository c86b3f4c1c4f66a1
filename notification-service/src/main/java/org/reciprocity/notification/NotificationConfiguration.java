package org.reciprocity.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.kit.access.SubjectRelations;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.outbox.OutboxCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The wiring of notification-service beyond the service kit's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, PortalProperties.class})
class NotificationConfiguration {

    /**
     * The service's access policy ({@link NotificationAccess}). Of the relations a request's subject
     * can give, only SELF applies here: the one path that names a member ({@code /recipients/{memberId}})
     * is about that member. The inbox and the preferences name nobody (they are the caller's own), and
     * this service hears nothing of supporters or organisations, so it grants nothing for them.
     */
    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.of(NotificationAccess.class, SubjectRelations.SELF_ONLY);
    }

    /**
     * Inbox items and outbound deliveries carry their audit events in an outbox, and so do the erasure
     * confirmations and a one-click unsubscribe told to the ledger (issue 18); the kit's sweep publishes leftovers.
     */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("inbox_items", "deliveries", ErasureConfirmations.COLLECTION, "email_consents");
    }

    /**
     * Listeners that take a whole poll at once: a burst of events costs a few round trips per batch
     * instead of several per event. Same consumers and dead-lettering as the kit's record listeners.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, DomainEvent> batchListenerFactory(
            ConsumerFactory<String, DomainEvent> eventConsumerFactory, DefaultErrorHandler eventErrorHandler,
            @Value("${reciprocity.notification.intake-concurrency:6}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, DomainEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        factory.setCommonErrorHandler(eventErrorHandler);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        return factory;
    }

    /**
     * The live stream's consumer: audit and member events as raw bytes, so that {@code LiveStream}
     * reads only those for members with an open session. A live stream only pushes and closes; it
     * never dead-letters.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> liveStreamListenerFactory(KafkaProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        return factory;
    }

    /** E-mail templates: {@code mail/*.txt} as text, {@code mail/*.html} as HTML, words from the message catalogue. */
    @Bean
    SpringTemplateEngine mailTemplates(MessageSource messageSource) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messageSource);
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    /**
     * The unsubscribe link works without signing in (its token is the proof, and its rules say
     * {@code ANYONE}); every other path keeps the kit's bearer-token chain, which comes after this one.
     */
    @Bean
    @Order(0)
    SecurityFilterChain unsubscribeLinks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/unsubscribe/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
