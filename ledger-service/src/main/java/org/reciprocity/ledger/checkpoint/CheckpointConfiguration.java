package org.reciprocity.ledger.checkpoint;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class CheckpointConfiguration {

    /** The signing key, from a file outside the database; created there on first start. */
    @Bean
    CheckpointKey checkpointKey(@Value("${reciprocity.ledger.checkpoint.key-file}") Path file) {
        return CheckpointKey.loadOrCreate(file);
    }

    /**
     * The checkpoint keys are public (their rule says {@code ANYONE}): whoever kept checkpoints can
     * check them without an account here. Every other path keeps the kit's bearer-token chain,
     * which comes after this one.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicCheckpointKeys(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/ledger/checkpoint-keys")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
