package org.harmattan.engine.spark;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.harmattan.testsupport.ArchitectureRules;

/**
 * The package rules of ARCHITECTURE.md over every production class this module sees, the Spark
 * engine's among them (the app module's run of the same rules does not see them).
 */
@AnalyzeClasses(packages = "org.harmattan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
