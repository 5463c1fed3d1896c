package org.harmattan.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.harmattan.testsupport.ArchitectureRules;

/**
 * The package rules of ARCHITECTURE.md ({@link ArchitectureRules}) over every production class of
 * {@code org.harmattan} that the app module sees on its test class path: every module but {@code
 * bench}, whose own ArchitectureTest runs the same rules over the benchmarks.
 */
@AnalyzeClasses(packages = "org.harmattan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
