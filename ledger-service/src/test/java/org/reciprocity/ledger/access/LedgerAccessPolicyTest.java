package org.reciprocity.ledger.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every endpoint names its rule in {@link LedgerAccess}; nobody writes access checks by hand again. */
class LedgerAccessPolicyTest {

    private final JavaClasses ledger = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reciprocity.ledger");

    @Test
    void everyEndpointNamesItsAccessRule() {
        methods().that().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
                .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(DeleteMapping.class)
                .or().areAnnotatedWith(PatchMapping.class).or().areAnnotatedWith(RequestMapping.class)
                .should().beAnnotatedWith(Access.class)
                .because("the access policy is read in one place, LedgerAccess")
                .check(ledger);
    }

    @Test
    void noEndpointChecksRolesByHand() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.access.prepost.PreAuthorize")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.access.AccessDeniedException")
                .because("who may do what is written once, in LedgerAccess, and refusals carry codes")
                .check(ledger);
    }

    /** LedgerRelations stops at PARTY for a contribution's party: that is only right while this holds. */
    @Test
    void everyContributionRuleThatLetsInSupportersOrOrganisationStaffLetsInItsPartiesToo() {
        for (LedgerAccess rule : LedgerAccess.values()) {
            boolean contributionRule = rule.name().endsWith("_CONTRIBUTION") || rule.name().endsWith("_DISPUTED")
                    || rule.name().equals("RESOLVE_DISPUTE");
            boolean widened = rule.allowed().contains(org.reciprocity.kit.access.Relation.SUPPORTER)
                    || rule.allowed().contains(org.reciprocity.kit.access.Relation.ORGANISATION_STAFF);
            if (contributionRule && widened) {
                org.assertj.core.api.Assertions.assertThat(rule.allowed()).as(rule.name())
                        .contains(org.reciprocity.kit.access.Relation.PARTY);
            }
        }
    }
}
