package org.reciprocity.ledger;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reciprocity.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second ledger instance in the test's JVM, on its own port, against the same broker and the
 * same MongoDB database as the {@code @ServiceIntegrationTest} one: two instances of one service,
 * as when it is scaled out.
 */
public final class AnotherLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance; {@code extras} are plain classes with {@code @Bean} methods (never scanned). */
    public static AnotherLedger start(Class<?>... extras) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .sources(extras)
                // as arguments: they must win over application.yml, as the test context's properties do
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infrastructure.mongoUri("ledger_service"),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infrastructure.tokens().jwkSetUri(),
                        "--reciprocity.security.issuer=" + infrastructure.tokens().issuer(),
                        "--spring.security.oauth2.resourceserver.jwt.audiences="
                                + org.reciprocity.testsupport.TestTokens.AUDIENCE,
                        "--reciprocity.outbox.sweep-interval=1s",
                        "--spring.main.banner-mode=off");
        return new AnotherLedger(context);
    }

    /** One of this instance's beans, to drive it as its scheduler would. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /** A servlet filter that throws when a request asks it to: an error no controller advice sees. */
    static class FailsOnDemand {
        @Bean
        OncePerRequestFilter failsOnDemand() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (request.getParameter("fail") != null) {
                        throw new IllegalStateException("failed on demand, as a broken filter would");
                    }
                    chain.doFilter(request, response);
                }
            };
        }
    }
}
