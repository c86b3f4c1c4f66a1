package org.reciprocity.ledger.record;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    /**
     * The record signing key: {@code reciprocity.ledger.record.key-file}, by default beside the
     * checkpoint key (the same volume, kept and backed up the same way), never in the database.
     */
    @Bean
    RecordKey recordKey(@Value("${reciprocity.ledger.record.key-file:}") String file,
                        @Value("${reciprocity.ledger.checkpoint.key-file}") Path checkpointKey) {
        return RecordKey.loadOrCreate(file.isBlank()
                ? checkpointKey.toAbsolutePath().resolveSibling("contribution-record-es256.pk8") : Path.of(file));
    }

    /**
     * A record and the keys that check it are public (their rules say {@code ANYONE}), the keys also at
     * {@code /.well-known/jwks.json}: an employer or a college given a code needs no account here. Only GET; the member's own calls under
     * {@code /timebanks/...} keep the kit's bearer-token chain, which comes after this one.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicContributionRecords(HttpSecurity http) throws Exception {
        return http.securityMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                        && (request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/contribution-records/")
                        || request.getRequestURI().equals(request.getContextPath() + RecordController.WELL_KNOWN_KEYS_PATH)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
