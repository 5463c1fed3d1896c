package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefWriterTest {

  @Test
  void writesEveryFile(@TempDir Path dir) throws Exception {
    BriefWriter.Written w = BriefWriter.write(SampleBrief.brief(), dir.resolve("out"));
    assertThat(w.all())
        .containsExactly(
            dir.resolve("out/brief.html"),
            dir.resolve("out/brief.pdf"),
            dir.resolve("out/brief.md"),
            dir.resolve("out/figures.json"),
            dir.resolve("out/charts/events-by-actor.svg"),
            dir.resolve("out/charts/events-monthly.svg"));
    for (Path p : w.all()) {
      assertThat(Files.size(p)).as("%s", p).isPositive();
    }
    RenderTestSupport.parseXml(Files.readString(w.charts().get(0)));
    RenderTestSupport.parseXml(Files.readString(w.html()));
  }

  @Test
  void aFolderThatCannotBeCreatedIsAUserErrorNamingIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");

    assertThatThrownBy(() -> BriefWriter.write(SampleBrief.brief(), file.resolve("brief")))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("cannot write the brief into")
        .hasMessageContaining("choose another --out");
  }

  /**
   * A brief that fails after its files are rendered (here: the folder for its charts cannot be
   * made, a file holds its name) leaves the previous brief's files whole and none of its own.
   */
  @Test
  void aBriefThatFailsHalfWayLeavesThePreviousFilesWholeAndNothingOfItsOwn(@TempDir Path dir)
      throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("brief.html"), "the previous brief");
    Files.writeString(out.resolve("charts"), "a file where the charts folder would go");

    assertThatThrownBy(() -> BriefWriter.write(SampleBrief.brief(), out))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("cannot write the brief into " + out)
        .hasMessageContaining("nothing of it was written there; choose another --out");

    assertThat(Files.readString(out.resolve("brief.html"))).isEqualTo("the previous brief");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("brief.html", "charts");
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(out);
    }
  }

  @Test
  void aBriefReplacesItsFilesInAFolderAndLeavesTheOthersAndNoWorkingFolder(@TempDir Path dir)
      throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("brief.html"), "the previous brief");
    Files.writeString(out.resolve("notes.txt"), "the user's");

    BriefWriter.Written w = BriefWriter.write(SampleBrief.brief(), out);

    assertThat(Files.readString(w.html())).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("the user's");
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("writing"));
    }
    BriefWriter.Written fresh = BriefWriter.write(SampleBrief.brief(), dir.resolve("new"));
    assertThat(fresh.all()).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "new");
    }
  }

  @Test
  void anEmptyFolderNameIsAUserError() {
    assertThatThrownBy(() -> BriefWriter.write(SampleBrief.brief(), Path.of("")))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "the folder for the brief is empty (--out \"\"); name one, e.g. --out out/mali-2018");
  }
}
