package id.berkasdesa;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    /** Decision 0009: the engine (H2, PostgreSQL) is known to {@code db} alone; features write SQL both take. */
    @ArchTest
    static final ArchRule onlyDbNamesAnEngine = noClasses()
            .that().resideOutsideOfPackage("id.berkasdesa.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..");

    /**
     * A command's warm-up runs before the command has said where its log goes, and a command refused
     * before its store must leave nothing: it touches nothing that starts the logging — no logger, no
     * class with one ({@code Database}), no Jdbi (its classes have loggers). What it does touch is
     * checked in a child JVM by OfficeServerCliTest.
     */
    @ArchTest
    static final ArchRule theCommandWarmUpNeverStartsTheLogging = noClasses()
            .that().haveFullyQualifiedName("id.berkasdesa.cli.CommandWarmUp")
            .or().haveFullyQualifiedName("id.berkasdesa.db.EngineWarmUp")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "ch.qos.logback..", "org.jdbi..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("id.berkasdesa.db.Database");

    /** A feature may use another (requests read the register); never both ways round. */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("id.berkasdesa.(*)..").should().beFreeOfCycles();

    /** What a person may do is declared once, in {@code common.Actions}; nobody else makes an entry of it. */
    @ArchTest
    static final ArchRule onlyTheRegistryDeclaresActions = noClasses()
            .that().doNotHaveFullyQualifiedName("id.berkasdesa.common.Actions")
            .should().callConstructor(id.berkasdesa.common.Actions.Entry.class, String.class,
                    id.berkasdesa.common.Actions.Who.class, boolean.class);

    /** The village's side and the format both sides share: the format never reaches back into a feature. */
    @ArchTest
    static final ArchRule theExchangeFormatStandsAlone = noClasses()
            .that().resideInAPackage("id.berkasdesa.exchange..")
            .should().dependOnClassesThat().resideInAnyPackage("id.berkasdesa.bundle..", "id.berkasdesa.request..",
                    "id.berkasdesa.household..", "id.berkasdesa.document..", "id.berkasdesa.village..", "id.berkasdesa.letter..",
                    "id.berkasdesa.imports..", "id.berkasdesa.pbi..", "id.berkasdesa.account..", "id.berkasdesa.backup..");

    /**
     * The Dinas Sosial's code and the village's live apart: they share the exchange format, the keys,
     * the Adminduk numbers, the area codes, the letters' format, the document store ({@code files}),
     * common ground and the engine, nothing of each other's features.
     */
    @ArchTest
    static final ArchRule theDistrictStandsApart = classes()
            .that().resideInAPackage("id.berkasdesa.dinas..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("id.berkasdesa.dinas..", "id.berkasdesa.exchange..",
                    "id.berkasdesa.keys..", "id.berkasdesa.adminduk..", "id.berkasdesa.wilayah..", "id.berkasdesa.common..",
                    "id.berkasdesa.surat..", "id.berkasdesa.files..",
                    "id.berkasdesa.db..", "java..", "javax..", "org.jdbi..", "com.fasterxml.jackson..", "org.slf4j..",
                    "org.dhatim.fastexcel..", "javafx..");

    @ArchTest
    static final ArchRule theVillageDoesNotReachIntoTheDistrict = noClasses()
            .that().resideOutsideOfPackages("id.berkasdesa.dinas..", "id.berkasdesa.wiring..", "id.berkasdesa.cli..",
                    "id.berkasdesa.app..")
            .should().dependOnClassesThat().resideInAPackage("id.berkasdesa.dinas..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("id.berkasdesa.app..")
            .should().dependOnClassesThat().resideInAPackage("id.berkasdesa.app..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheWiring = noClasses()
            .that().resideOutsideOfPackages("id.berkasdesa.wiring..", "id.berkasdesa.app..", "id.berkasdesa.cli..")
            .should().dependOnClassesThat().resideInAPackage("id.berkasdesa.wiring..");

    /** The services and the store that backs them are built in one place: {@code wiring.Wiring}. */
    @ArchTest
    static final ArchRule onlyTheWiringConstructsServices = noClasses()
            .that().resideOutsideOfPackage("id.berkasdesa.wiring..")
            .should().callConstructorWhere(target(owner(simpleNameEndingWith("Service")))
                    .and(not(target(owner(resideInAPackage("..ui..")))))
                    .or(target(owner(simpleName("SettingsStore")))))
            .because("one composition root builds the object graph (services get the store's key and session there)");

    /** Features hand each other a {@code db.Tx} (what is done, by whom), never a raw Jdbi handle. */
    @ArchTest
    static final ArchRule noPublicServiceMethodTakesAHandle = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service").and().arePublic()
            .should(new ArchCondition<JavaMethod>("not take a Jdbi Handle") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean takes = method.getRawParameterTypes().stream()
                            .anyMatch(t -> t.isEquivalentTo(org.jdbi.v3.core.Handle.class));
                    if (takes) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a Handle"));
                    }
                }
            });

    /**
     * The document store is the only code that touches document files: the rest of the document
     * feature reads them as {@code ByteSource}s from the store, so encryption can live in the store alone.
     */
    @ArchTest
    static final ArchRule onlyTheDocumentStoreTouchesDocumentFiles = noClasses()
            .that().resideInAnyPackage("id.berkasdesa.document..", "id.berkasdesa.files..")
            .and().haveNameNotMatching("id\\.berkasdesa\\.files\\.DocumentStore.*")
            .and().haveNameNotMatching("id\\.berkasdesa\\.document\\.DocumentService.*")
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.pdfbox.io.RandomAccessReadBufferedFile")
            .because("the store decides how document bytes lie on disk (DocumentService reads only the operator's own files)");
}
