package org.reciprocity.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every endpoint is guarded by a line of {@link NotificationAccess}, and by nothing written by hand. */
class NotificationAccessPolicyTest {

    private final JavaClasses notification = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reciprocity.notification");
    /** The kit's endpoints a service with an outbox (and a retention job) gets, guarded by rules of this service's policy. */
    private final JavaClasses kitEndpoints = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reciprocity.kit.outbox", "org.reciprocity.kit.access", // issue 18: ReadsController
                    "org.reciprocity.kit.retention"); // issue 18: RetentionReportsController

    @Test
    void everyEndpointNamesItsAccessRule() {
        methods().that().areAnnotatedWith(RequestMapping.class).or().areMetaAnnotatedWith(RequestMapping.class)
                .should().beAnnotatedWith(Access.class)
                .because("the access policy is the one place that says who may call an endpoint")
                .check(notification);
    }

    @Test
    void everyRuleNamedExistsAndEveryRuleGuardsAnEndpoint() {
        Set<String> used = java.util.stream.Stream.concat(notification.stream(), kitEndpoints.stream())
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(Access.class))
                .map(method -> method.getAnnotationOfType(Access.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rules = Arrays.stream(NotificationAccess.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(used).as("the rules the endpoints name").isEqualTo(rules);
    }

    @Test
    void noControllerChecksAccessByHand() {
        noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().belongToAnyOf(PreAuthorize.class, AccessDeniedException.class, Role.class)
                .orShould().beAnnotatedWith(PreAuthorize.class)
                .because("roles and refusals by hand drift apart; the access policy decides, and answers 403 with a code")
                .check(notification);
        noMethods().should().beAnnotatedWith(PreAuthorize.class).check(notification);
    }
}
