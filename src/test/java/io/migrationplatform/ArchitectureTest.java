package io.migrationplatform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of the package-by-feature layout: the platform depends on no feature,
 * features do not form cycles, and a feature uses another only through its top-level package
 * (its public API), never through its internal sub-packages.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.migrationplatform");

    @Test
    void platformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.migrationplatform.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.migrationplatform.identity..", "io.migrationplatform.assets..", "io.migrationplatform.discovery..",
                        "io.migrationplatform.analysis..", "io.migrationplatform.assessments..", "io.migrationplatform.flows..",
                        "io.migrationplatform.planning..", "io.migrationplatform.tasks..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.migrationplatform.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresUseEachOtherOnlyThroughTheirTopLevelPackage() {
        for (String feature : new String[] {"identity", "assets", "discovery", "analysis", "assessments", "flows", "planning", "tasks"}) {
            noClasses().that().resideOutsideOfPackage("io.migrationplatform." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.migrationplatform." + feature + ".*..")
                    .allowEmptyShould(true)
                    .because(feature + "'s sub-packages are its internals")
                    .check(CLASSES);
        }
    }
}
