package org.harmattan.reference.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV edge cases of the road graph files: quoting, blank lines, line numbers, cut files. */
class RoadNetworkReaderTest {
  private static final String NODES =
      "Agglomeration_ID,agglosName,x,y,Pop2015,ISO3\n"
          + "1,\"Kati, Koulikoro\",-8.0,12.7,100000,MLI\n"
          + "\n"
          + "   \n"
          + "2,\"Bamako \"\"capital\"\"\",-8.0,12.6,2000000,MLI\n"
          + "3,road,-7.9,12.6,0,MLI\r\n";

  @TempDir Path dir;

  private RoadNetwork read(String nodes, String edges) throws IOException {
    Files.writeString(dir.resolve(RoadNetworkReader.NODES_FILE), nodes, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(RoadNetworkReader.EDGES_FILE), edges, StandardCharsets.UTF_8);
    return RoadNetworkReader.readDirectory(dir);
  }

  @Test
  void quotedFieldsKeepCommasAndQuotesAndBlankLinesAreSkipped() throws IOException {
    RoadNetwork g = read(NODES, "\"from\",\"to\",\"l\"\n\"1\",\"2\",12.5\n\n\"2\",\"3\",4\n");

    assertThat(g.nodes())
        .extracting(RoadNetwork.Node::name)
        .containsExactly("Kati, Koulikoro", "Bamako \"capital\"", "road");
    assertThat(g.nodes().get(2).junction()).isTrue();
    assertThat(g.edges())
        .containsExactly(new RoadNetwork.Edge("1", "2", 12.5), new RoadNetwork.Edge("2", "3", 4));
    assertThat(g.sources())
        .extracting(SourceRef::dataset)
        .containsExactly(RoadNetworkReader.NODES_FILE, RoadNetworkReader.EDGES_FILE);
  }

  @Test
  void lineNumbersCountBlankLinesAndLineBreaksInsideQuotes() {
    String edges = "from,to,l\n\n1,\"2\nx\",3\n2,3,far\n";

    assertThatThrownBy(() -> read(NODES, edges))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("line 3, column to: node '2\nx' is not in the nodes file")
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE
                + " line 5, column l (km): 'far' is not a number in 0.0..");
  }

  @Test
  void shortRowsAndBadHeadersAreReportedWithFileAndLine() {
    assertThatThrownBy(() -> read(NODES, "from,to\n1,2\n"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE + " line 1: header [from, to] lacks one of");
    assertThatThrownBy(() -> read(NODES, "from,to,l\n1,2\n"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE + " line 2: 2 fields, expected at least 3");
  }

  @Test
  void aQuoteLeftOpenAtTheEndIsReportedFromTheLineItOpensOn() {
    assertThatThrownBy(() -> read(NODES, "from,to,l\n1,2,3\n\n\"2,3,4\n2,1,5\n"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE
                + " line 4: a quoted field is not closed before the end of the file");
  }

  @Test
  void anEmptyFileIsReported() {
    assertThatThrownBy(() -> read(NODES, ""))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE + ": empty file, expected a header line");
  }
}
