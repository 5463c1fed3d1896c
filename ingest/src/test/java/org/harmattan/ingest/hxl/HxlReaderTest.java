package org.harmattan.ingest.hxl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class HxlReaderTest {
  @Test
  void bomThousandsSeparatorsAndBlankRows() {
    Path path = SharedData.fixture("hxl/hxl-bom-thousands-blank-rows.csv");
    HxlTable t = HxlReader.read(HxlReader.inspect(path));
    assertThat(t.headers()).containsExactly("Region", "P-code", "Total No# of IDPs Ind#", "Note");
    assertThat(t.hxlLine()).isEqualTo(2);
    assertThat(t.rows()).hasSize(2);
    assertThat(t.blankRows()).isEqualTo(2);
    assertThat(t.rows().get(0).line()).isEqualTo(4);
    assertThat(t.rows().get(1).line()).isEqualTo(6);
    int idps = t.findByTag("#affected+idps+ind").getAsInt();
    assertThat(t.rows().get(1).get(idps)).isEqualTo("12,000");
    // The untagged column is there by its header; the '#' header matches its '.' spelling.
    assertThat(t.findByHeader("note")).hasValue(3);
    assertThat(t.findByHeader("Total No. of IDPs Ind.")).hasValue(idps);
    assertThat(t.findByTag("#adm1+code")).hasValue(1);
  }

  @Test
  void theHeadOfALargeTableHasTheSameHeadersAndTagsAsTheWholeTable() {
    Path path =
        SharedData.require("cadre_harmonise/cadre_harmonise_caf_ipc__covidviz_2022.converted.csv");
    HxlTable whole = HxlReader.read(HxlReader.inspect(path));
    HxlTable head = HxlReader.readHead(HxlReader.inspect(path));
    assertThat(head.headers()).isEqualTo(whole.headers()).contains("phase35", "chtype");
    assertThat(head.tags()).isEqualTo(whole.tags());
    assertThat(head.hxlLine()).isEqualTo(whole.hxlLine());
    // A head is the first 26 non-blank lines: the header and 25 data rows. The whole table has
    // the 22,996 rows MANIFEST.md counts for this file.
    assertThat(head.rows()).hasSize(25);
    assertThat(whole.rows()).hasSize(22_996);
    assertThat(whole.rows()).startsWith(head.rows().toArray(new HxlRow[0]));
  }

  @Test
  void theHeadOfAFixtureIsTheWholeFixture() {
    Path path = SharedData.fixture("hxl/hxl-bom-thousands-blank-rows.csv");
    assertThat(HxlReader.readHead(HxlReader.inspect(path)))
        .isEqualTo(HxlReader.read(HxlReader.inspect(path)));
  }
}
