package org.reciprocity.ledger.access;

import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.member.Members;
import org.reciprocity.ledger.organisation.Organisations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerAccessConfiguration {

    @Bean
    AccessPolicy accessPolicy(Members members, Organisations organisations, Bookkeeping bookkeeping) {
        return AccessPolicy.of(LedgerAccess.class, new LedgerRelations(members, organisations, bookkeeping));
    }
}
