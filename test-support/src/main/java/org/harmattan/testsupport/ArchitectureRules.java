package org.harmattan.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package rules of ARCHITECTURE.md, defined once. Maven's enforcer guards the module
 * dependencies; these rules guard what a module's classes may reference. A test class runs them
 * over the classes it imports with {@code @ArchTest static final ArchTests RULES =
 * ArchTests.in(ArchitectureRules.class)}: the app module's {@code ArchitectureTest} over every
 * production module it sees, the bench module's over the benchmarks (nothing else has them on its
 * class path). Modules using it declare {@code archunit-junit5} themselves.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  @ArchTest
  public static final ArchRule domainDependsOnlyOnTheJdkAndItself =
      classes()
          .that()
          .resideInAPackage("org.harmattan.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "org.harmattan.domain..")
          .because("the domain is the centre: records and rules, no libraries, no I/O frameworks");

  @ArchTest
  public static final ArchRule jdbcAndDuckDbOnlyInTheEngine =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.harmattan.engine.duckdb..", "org.harmattan.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.duckdb..")
          .because(
              "the DuckDB engine owns its store; everything else talks to it through a port"
                  + " (the benchmarks query DuckDB directly for the reference they measure against)");

  @ArchTest
  public static final ArchRule engineApiDependsOnlyOnTheDomain =
      classes()
          .that()
          .resideInAnyPackage(
              "org.harmattan.engine",
              "org.harmattan.engine.accounts..",
              "org.harmattan.engine.alerts..",
              "org.harmattan.engine.query..",
              "org.harmattan.engine.series..",
              "org.harmattan.engine.write..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.harmattan.domain..",
              "org.harmattan.engine",
              "org.harmattan.engine.accounts..",
              "org.harmattan.engine.alerts..",
              "org.harmattan.engine.query..",
              "org.harmattan.engine.series..",
              "org.harmattan.engine.write..")
          .because("the engine ports are plain Java over the domain, the same for every engine");

  @ArchTest
  public static final ArchRule referenceReadersDependOnTheDomainOnly =
      noClasses()
          .that()
          .resideInAPackage("org.harmattan.reference..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.harmattan.engine..",
              "org.harmattan.ingest..",
              "org.harmattan.analytics..",
              "org.harmattan.briefs..",
              "org.harmattan.app..",
              "org.harmattan.engine.spark..",
              "org.apache.poi..",
              "org.jsoup..")
          .because(
              "reference readers turn files into domain-level types; what is computed from them"
                  + " lives further out");

  @ArchTest
  public static final ArchRule theReferenceEngineDependsOnlyOnTheDomainAndTheEngineApi =
      classes()
          .that()
          .resideInAPackage("org.harmattan.engine.memory..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.harmattan.domain..",
              "org.harmattan.engine",
              "org.harmattan.engine.accounts..",
              "org.harmattan.engine.alerts..",
              "org.harmattan.engine.query..",
              "org.harmattan.engine.series..",
              "org.harmattan.engine.write..",
              "org.harmattan.engine.memory..")
          .because(
              "the reference engine is plain Java over the ports, the rules any engine applies");

  @ArchTest
  public static final ArchRule theContractSuiteIsNotUsedByProductionCode =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.harmattan.engine.contract..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.harmattan.engine.contract..")
          .because(
              "the engine contract suite is test code: engines' tests extend it, nothing else");

  @ArchTest
  public static final ArchRule analyticsAndBriefsUseTheEnginePortsOnly =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.harmattan.analytics..", "org.harmattan.briefs..", "org.harmattan.alerts..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.harmattan.engine.duckdb..",
              "org.harmattan.engine.memory..",
              "org.harmattan.engine.spark..")
          .because(
              "indicators and alert rules are computed once, over the engine API, for every"
                  + " engine");

  /**
   * The text constructor {@code Problem(String, String, String)}, named by its types' names so that
   * test-support needs no dependency on the domain.
   */
  @ArchTest
  public static final ArchRule problemCodesComeFromTheCatalogue =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.harmattan.domain.problem..", "org.harmattan.engine..")
          .should()
          .callConstructor(
              "org.harmattan.domain.problem.Problem",
              "java.lang.String",
              "java.lang.String",
              "java.lang.String")
          .because(
              "a problem found in a row takes its code from ProblemCode; only an engine reading"
                  + " stored problems back gives the code as text");

  @ArchTest
  public static final ArchRule sparkOnlyInTheSparkModule =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.harmattan.engine.spark..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.spark..")
          .because("Spark's heavy dependencies stay in the optional Spark engine module");

  @ArchTest
  public static final ArchRule ingestWritesThroughThePortOnly =
      noClasses()
          .that()
          .resideInAPackage("org.harmattan.ingest..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.harmattan.engine.duckdb..",
              "org.harmattan.engine.memory..",
              "org.harmattan.engine.spark..",
              "org.harmattan.app..")
          .because(
              "ingest hands rows to the engine's write port; storing and wiring happen further out");

  @ArchTest
  public static final ArchRule nothingDependsOnTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.harmattan.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.harmattan.app..")
          .because(
              "the command line is one front door among several: the server and the scheduler"
                  + " call the services, never the command line");

  @ArchTest
  public static final ArchRule frontDoorsOpenStoresThroughTheServices =
      noClasses()
          .that()
          .resideInAnyPackage("org.harmattan.app..", "org.harmattan.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.harmattan.engine.duckdb..")
          .because("one place opens a store (service.Stores), whatever the engine");

  @ArchTest
  public static final ArchRule demoWritesFilesOnly =
      classes()
          .that()
          .resideInAPackage("org.harmattan.demo..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.harmattan.domain..",
              "org.harmattan.ingest..",
              "org.harmattan.demo..",
              "com.fasterxml.jackson..")
          .because(
              "the demo writes files that the product then ingests like a user's: no store, no"
                  + " analytics, no command line");

  /**
   * No cycles between feature packages. A slice is a module's feature package ({@code
   * org.harmattan.ingest.acled..}) or a module's root package on its own ({@code
   * org.harmattan.ingest}), so a root package that calls its features cannot be called back by
   * them. This is {@code slices().matching("org.harmattan.(*).(*)..")} plus the root packages.
   */
  @ArchTest
  public static final ArchRule featurePackagesAreFreeOfCycles =
      slices().assignedFrom(new FeatureSlices()).should().beFreeOfCycles();

  private static final class FeatureSlices implements SliceAssignment {
    private static final String PREFIX = "org.harmattan.";

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (!pkg.startsWith(PREFIX)) {
        return SliceIdentifier.ignore();
      }
      String[] parts = pkg.substring(PREFIX.length()).split("\\.", -1);
      return parts.length == 1
          ? SliceIdentifier.of(parts[0] + " (root)")
          : SliceIdentifier.of(parts[0] + "." + parts[1]);
    }

    @Override
    public String getDescription() {
      return "feature packages org.harmattan.<module>.<feature>.. and module root packages";
    }
  }
}
