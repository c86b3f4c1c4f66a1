package org.reciprocity.kit.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Wires the service's {@link AccessPolicy} (a bean every service declares): the interceptor that
 * applies it, a start-up check that every endpoint has a rule, and the rule of each operation in
 * the OpenAPI document ({@code x-access}, {@code x-access-allowed}) for the authorization matrix.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    /** Paths of test-only endpoints, which exist only when a test property turns them on. */
    static final String TEST_ONLY_PATHS = "/test/";

    @Bean
    ReadLog readLog(MongoTemplate mongo, Clock clock) {
        return new ReadLog(mongo, clock);
    }

    @Bean
    ReadLogRetention readLogRetention(ReadLog reads, Clock clock) {
        return new ReadLogRetention(reads, clock);
    }

    @Bean
    WebMvcConfigurer accessPolicyInterceptor(AccessPolicy policy, ReadLog reads) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor(policy, reads)).addPathPatterns("/api/**");
            }
        };
    }

    /** A service whose endpoints are not all covered by its policy does not start. */
    @Bean
    SmartInitializingSingleton everyEndpointHasAnAccessRule(AccessPolicy policy,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return () -> {
            List<String> problems = policy.verify(endpoints(mappings));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The access policy does not cover every endpoint: " + problems);
            }
        };
    }

    /** Each of our endpoints ("GET /api/v1/…") and its {@link Access} rule, or null. */
    public static Map<String, Access> endpoints(RequestMappingHandlerMapping mappings) {
        Map<String, Access> endpoints = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getName().startsWith("org.reciprocity.")) {
                List<String> methods = new ArrayList<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                for (String pattern : info.getPatternValues()) {
                    // /test/** exists only in tests (kit.time: the movable clock), is about no timebank and
                    // is in no service's policy; it checks its one rule (ADMIN) itself
                    if (pattern.startsWith(TEST_ONLY_PATHS)) {
                        continue;
                    }
                    endpoints.put(String.join(",", methods) + " " + pattern, method.getMethodAnnotation(Access.class));
                }
            }
        });
        return endpoints;
    }

    @Bean
    OperationCustomizer accessRuleInOpenApi(AccessPolicy policy) {
        return (operation, handlerMethod) -> {
            Access access = handlerMethod.getMethodAnnotation(Access.class);
            if (access != null) {
                operation.addExtension("x-access", access.value());
                operation.addExtension("x-access-allowed",
                        policy.rule(access.value()).allowed().stream().map(Enum::name).sorted().toList());
            }
            return operation;
        };
    }

}
