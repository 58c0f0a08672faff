package org.aeworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the house, checked on the compiled main classes:
 * <ul>
 *   <li>engine, data and analysis import no JavaFX and nothing from ui, cli or report, so they
 *       can be read, tested and run headless alone; engine and analysis use no java.awt either
 *       (image decoding in data may);</li>
 *   <li>the layers run ui/cli -> report -> analysis -> data -> engine, each using only those below;
 *       export (the hand-overs to PyTorch and ONNX) and api (the embedding API) sit beside report,
 *       above analysis, and only ui and cli use them;</li>
 *   <li>no package cycles: within engine, data, analysis, export, ui and cli, the sub-packages depend on
 *       each other one way.</li>
 * </ul>
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.aeworkbench");
    }

    @Test
    void lessonsAreReadWithoutJavaFx() {
        noClasses().that().resideInAPackage("org.aeworkbench.lesson..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "org.aeworkbench.ui..")
                .because("a lesson file is read and checked below the window, and tested without it")
                .check(classes);
    }

    @Test
    void engineDataAndAnalysisImportNoJavaFxAndNothingAboveThem() {
        noClasses().that().resideInAnyPackage("org.aeworkbench.engine..", "org.aeworkbench.data..",
                        "org.aeworkbench.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.aeworkbench.ui..",
                        "org.aeworkbench.cli..", "org.aeworkbench.report..")
                .because("the engine, data and analysis run headless and are tested alone")
                .check(classes);
    }

    @Test
    void engineAndAnalysisUseNoAwt() {
        noClasses().that().resideInAnyPackage("org.aeworkbench.engine..", "org.aeworkbench.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
                .because("only data decodes images")
                .check(classes);
    }

    @Test
    void layersUseOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("UI").definedBy("org.aeworkbench.ui..")
                .layer("CLI").definedBy("org.aeworkbench.cli..")
                .layer("Report").definedBy("org.aeworkbench.report..")
                .layer("Export").definedBy("org.aeworkbench.export..", "org.aeworkbench.api..")
                .layer("Lesson").definedBy("org.aeworkbench.lesson..")
                .layer("Analysis").definedBy("org.aeworkbench.analysis..")
                .layer("Data").definedBy("org.aeworkbench.data..")
                .layer("Engine").definedBy("org.aeworkbench.engine..")
                .whereLayer("UI").mayNotBeAccessedByAnyLayer()
                .whereLayer("CLI").mayNotBeAccessedByAnyLayer()
                .whereLayer("Report").mayOnlyBeAccessedByLayers("UI", "CLI")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("UI", "CLI")
                .whereLayer("Lesson").mayOnlyBeAccessedByLayers("UI", "CLI")
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Report", "Export", "Lesson", "UI", "CLI")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Analysis", "Report", "Export", "Lesson", "UI", "CLI")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Data", "Analysis", "Report", "Export", "Lesson", "UI", "CLI")
                .check(classes);
    }

    @Test
    void engineSubPackagesHaveNoCycles() {
        slices().matching("org.aeworkbench.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void dataSubPackagesHaveNoCycles() {
        // data is one package today; the rule holds for the sub-packages it may grow.
        slices().matching("org.aeworkbench.data.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void analysisSubPackagesHaveNoCycles() {
        slices().matching("org.aeworkbench.analysis.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void exportSubPackagesHaveNoCycles() {
        slices().matching("org.aeworkbench.export.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void uiAndCliSubPackagesHaveNoCycles() {
        slices().matching("org.aeworkbench.ui.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.aeworkbench.cli.(*)..").should().beFreeOfCycles().check(classes);
    }
}
