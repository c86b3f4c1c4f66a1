package org.reciprocity.kit.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.core.StandardHost;
import org.reciprocity.kit.json.StrictJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The edge every API shares: bodies read only up to a limit, strict JSON, ids from one alphabet,
 * {@code Idempotency-Key}s that hold under races, and every error — from Tomcat, the firewall, a
 * filter or a controller — as a problem detail.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemDetailsAdvice.class)
@PropertySource("classpath:org/reciprocity/kit/web/web-defaults.properties") // below application.yml
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${reciprocity.web.max-request-body}") DataSize max) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(max.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // before sign-in is checked: no caller needs more
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerErrors> containerErrors() {
        FilterRegistrationBean<ContainerErrors> registration = new FilterRegistrationBean<>(new ContainerErrors());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own errors, before any filter runs, as problem details too ({@link ProblemReportValve}). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemReportValve());
                // the host adds its default report valve only when none of this class is there
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler rejectedRequests() {
        return new RejectedRequests();
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongo, Clock clock) {
        return new IdempotencyRecords(mongo, clock);
    }

    /** A plain servlet filter bean: Boot registers it after Spring Security, so the caller is known. */
    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyRecords records, FilterRegistrationBean<RequestBodyLimit> limit) {
        return new IdempotencyFilter(records, limit.getFilter().max());
    }

    @Bean
    WebMvcConfigurer safeIdsInPaths() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new SafeIdsInPaths()).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }
}
