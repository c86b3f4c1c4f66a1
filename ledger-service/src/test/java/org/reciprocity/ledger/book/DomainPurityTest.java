package org.reciprocity.ledger.book;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The ledger's rules are plain Java: no Spring, no MongoDB, no Kafka, no clock of their own. */
class DomainPurityTest {

    /** The adapters that keep the book in MongoDB and run it in Spring, beside the rules. */
    private static final String ADAPTERS = ".*\\.(MongoBookStore|WholeChanges|Bookkeeping|PolicyDocuments|WriteLeases|Leases|JobLeases)(\\$.*)?";

    private final JavaClasses ledger = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reciprocity.ledger.book");

    @Test
    void theRulesDependOnNoFramework() {
        noClasses().that().haveNameNotMatching(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..")
                .because("the ledger's rules are tested and read without any infrastructure")
                .check(ledger);
    }

    @Test
    void theRulesReadTimeOnlyFromAnInjectedClock() {
        noClasses().that().haveNameNotMatching(ADAPTERS)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("time comes from the Clock the ledger is given, so tests can move it")
                .check(ledger);
    }
}
