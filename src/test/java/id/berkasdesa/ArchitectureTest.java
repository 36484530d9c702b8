package id.berkasdesa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules and storage are plain Java: the UI, the command line and the tests share them. */
@AnalyzeClasses(packages = "id.berkasdesa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresOutsideUiDoNotUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("..ui..", "id.berkasdesa.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule onlyDbAndFeatureStorageTouchJdbc = noClasses()
            .that().resideInAnyPackage("..ui..", "id.berkasdesa.app..", "id.berkasdesa.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("id.berkasdesa.app..")
            .should().dependOnClassesThat().resideInAPackage("id.berkasdesa.app..");
}
