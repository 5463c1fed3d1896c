package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's examples name files that exist, and its advisory example runs as written. */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..");

  private static String readme() throws Exception {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyExampleFileTheReadmeNamesExists() throws Exception {
    Set<String> named = new LinkedHashSet<>();
    Matcher m = Pattern.compile("examples/[\\w./-]+\\.(?:json|yaml|md|xml)").matcher(readme());
    while (m.find()) {
      named.add(m.group());
    }

    assertThat(named)
        .contains(
            "examples/advisories/uk-mali-2025-06.json",
            "examples/narratives/mali-2018.md",
            "examples/claims/mali-2018.yaml");
    assertThat(named).allSatisfy(f -> assertThat(ROOT.resolve(f)).as(f).isRegularFile());
  }

  @Test
  void theAdvisoryExampleShowsTheChangeItsFilesHold() throws Exception {
    assertThat(readme())
        .contains(
            "./harmattan advisories --from-files examples/advisories/uk-mali-2025-06.json"
                + " examples/advisories/uk-mali-2025-11.json");
    CliRun run =
        CliRun.of(
            "advisories",
            "--json",
            "--from-files",
            ROOT.resolve("examples/advisories/uk-mali-2025-06.json").toString(),
            ROOT.resolve("examples/advisories/uk-mali-2025-11.json").toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(run.out());
    // The November snapshot's alert status is avoid_all_travel_to_whole_country: level 4.
    assertThat(r.toString()).contains("\"level\":4");
  }
}
