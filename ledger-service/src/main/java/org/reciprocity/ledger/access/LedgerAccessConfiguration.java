package org.reciprocity.ledger.access;

import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.kit.access.ReadsController;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.member.Members;
import org.reciprocity.ledger.organisation.Organisations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The ledger's access policy, and (issue 18) the list of who looked at a member's data. */
@Configuration(proxyBeanMethods = false)
@Import(ReadsController.class)
class LedgerAccessConfiguration {

    @Bean
    AccessPolicy accessPolicy(Members members, Organisations organisations, Bookkeeping bookkeeping) {
        return AccessPolicy.of(LedgerAccess.class, new LedgerRelations(members, organisations, bookkeeping));
    }
}
