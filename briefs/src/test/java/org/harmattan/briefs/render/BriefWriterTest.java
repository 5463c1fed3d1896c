package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
