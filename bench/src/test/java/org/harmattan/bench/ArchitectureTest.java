package org.harmattan.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.harmattan.testsupport.ArchitectureRules;

/**
 * The package rules of ARCHITECTURE.md ({@link ArchitectureRules}) over the benchmarks. Nothing
 * depends on {@code bench}, so the app module's ArchitectureTest, which checks every other module,
 * cannot see these classes.
 */
@AnalyzeClasses(
    packages = "org.harmattan.bench",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
