package org.reciprocity.matching.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Matching's endpoints all answer to its one access policy: each names its rule, and no controller
 * decides who may by hand (roles, Spring Security's annotations, its exception). The kit's start-up
 * check says the same of a running service; this says it in the build, before anything starts.
 */
@AnalyzeClasses(packages = "org.reciprocity.matching", importOptions = ImportOption.DoNotIncludeTests.class)
class MatchingAccessPolicyTest {

    /** {@code @GetMapping}, {@code @PostMapping}… are all meta-annotated with {@code @RequestMapping}. */
    @ArchTest
    static final ArchRule everyEndpointNamesItsAccessRule = methods()
            .that().areMetaAnnotatedWith(RequestMapping.class)
            .and().areDeclaredInClassesThat().resideInAPackage("org.reciprocity.matching..")
            .should().beAnnotatedWith(Access.class)
            .because("who may call an endpoint is MatchingAccess's, in one table");

    @ArchTest
    static final ArchRule noControllerDecidesAccessByHand = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(PreAuthorize.class)
            .orShould().dependOnClassesThat().areAssignableTo(AccessDeniedException.class)
            .orShould().dependOnClassesThat().areAssignableTo(Role.class)
            .because("a hand-written check drifts from the policy; a body-dependent one is a coded Refused in the domain");
}
