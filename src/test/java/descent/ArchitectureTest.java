package descent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which packages may depend on which. */
@AnalyzeClasses(packages = "descent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineDependsOnlyOnTheJdkAndItself =
      classes()
          .that()
          .resideInAPackage("descent.engine..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "descent.engine..")
          .because(
              "the engine is the product's \"nothing but tensor ops\" core: what a student reads"
                  + " to see how backward() works must stay free of UI code and libraries");

  @ArchTest
  static final ArchRule coreNeverTouchesJavaFx =
      noClasses()
          .that()
          .resideInAnyPackage(
              "descent.engine..", "descent.data..", "descent.model..", "descent.train..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp.ikonli..")
          .because(
              "data, models and training run headless, from the command line and in tests;"
                  + " only the desktop app draws");

  @ArchTest
  static final ArchRule onlyTheAppUsesJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackage("descent.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp.ikonli..")
          .because(
              "JavaFX is confined to descent.app; the Launcher and the CLI start the app through"
                  + " descent.app without touching JavaFX types, so the fat jar launches from a"
                  + " plain classpath");

  @ArchTest
  static final ArchRule engineIsTheBottomLayer =
      noClasses()
          .that()
          .resideInAPackage("descent.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "descent.data..",
              "descent.model..",
              "descent.train..",
              "descent.app..",
              "descent.cli..")
          .because("everything is built on the engine, so the engine can know none of it");

  @ArchTest
  static final ArchRule dataAndModelDoNotKnowTrainingOrFrontEnds =
      noClasses()
          .that()
          .resideInAnyPackage("descent.data..", "descent.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("descent.train..", "descent.app..", "descent.cli..")
          .because(
              "data sets and models are what training consumes; they must be usable without a"
                  + " trainer, an app or a CLI");

  @ArchTest
  static final ArchRule trainingDoesNotKnowFrontEnds =
      noClasses()
          .that()
          .resideInAPackage("descent.train..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("descent.app..", "descent.cli..")
          .because(
              "the trainer reports progress to whoever drives it, the desktop app or the CLI,"
                  + " and must work the same under both");

  @ArchTest
  static final ArchRule runConfigsDoNotKnowFrontEnds =
      noClasses()
          .that()
          .resideInAPackage("descent.run..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("descent.app..", "descent.cli..")
          .because(
              "a RunConfig (ADR 0028) is what both front ends load, save and compare, so it sits"
                  + " below them and works the same under both");

  @ArchTest
  static final ArchRule trainingAndDataDoNotKnowRunConfigs =
      noClasses()
          .that()
          .resideInAnyPackage("descent.train..", "descent.data..", "descent.model..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("descent.run..")
          .because(
              "a RunConfig is built from data sets and trainer settings; they must not need it, so"
                  + " a trainer can run from any description of a run");

  @ArchTest
  static final ArchRule modelsDoNotKnowDataSets =
      noClasses()
          .that()
          .resideInAPackage("descent.model..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("descent.data..")
          .because(
              "a model sees tensors, not files or loaders: the Trainer hands it X and y, as d2l's"
                  + " training_step receives a batch");

  @ArchTest
  static final ArchRule theCliDoesNotReachIntoTheApp =
      noClasses()
          .that()
          .resideInAPackage("descent.cli..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("descent.app..").and(resideOutsideOfPackage("descent.app.snapshot")))
          .because(
              "the command line must run headless on machines without a display; only the"
                  + " Launcher chooses between the two. The one way in is descent.app.snapshot,"
                  + " whose renderer draws views with no display (Monocle) for the snapshot"
                  + " command, behind types without JavaFX");

  @ArchTest
  static final ArchRule theBenchUsesOnlyTheTrainingStack =
      classes()
          .that()
          .resideInAPackage("descent.bench..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "descent.bench..",
              "descent.train..",
              "descent.data..",
              "descent.model..",
              "descent.engine..")
          .because(
              "the benchmark times the training loop as the app and the command line run it,"
                  + " so it needs nothing above it; JSON and tables are the command line's job");

  @ArchTest
  static final ArchRule onlyTheCliRunsTheBench =
      noClasses()
          .that()
          .resideInAnyPackage(
              "descent.engine..",
              "descent.data..",
              "descent.model..",
              "descent.train..",
              "descent.run..",
              "descent.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("descent.bench..")
          .because(
              "the benchmark and its hand-written baseline measure the product; the product must"
                  + " not come to depend on them (only 'descent bench' runs them)");

  /**
   * The rules above are checked by ArchUnit's engine, which throws on a violation. This test checks
   * that they judge the real code: every layer they name is among the imported classes, so no rule
   * passes because its package is empty or misspelt.
   */
  @org.junit.jupiter.api.Test
  void theRulesSeeEveryLayerTheyName() {
    com.tngtech.archunit.core.domain.JavaClasses classes =
        new com.tngtech.archunit.core.importer.ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("descent");
    for (String layer :
        java.util.List.of(
            "descent.engine",
            "descent.data",
            "descent.model",
            "descent.train",
            "descent.run",
            "descent.app",
            "descent.cli",
            "descent.bench")) {
      org.assertj.core.api.Assertions.assertThat(classes.stream())
          .as(layer)
          .anyMatch(c -> c.getPackageName().startsWith(layer));
    }
    org.assertj.core.api.Assertions.assertThat(
            runConfigsDoNotKnowFrontEnds.evaluate(classes).hasViolation())
        .isFalse();
  }
}
