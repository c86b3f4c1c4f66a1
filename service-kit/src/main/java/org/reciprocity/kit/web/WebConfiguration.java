package org.reciprocity.kit.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    /** A plain servlet filter bean: Boot registers it after Spring Security, so the caller is known. */
    @Bean
    IdempotencyFilter idempotencyFilter(MongoTemplate mongo, Clock clock) {
        return new IdempotencyFilter(mongo, clock);
    }
}
