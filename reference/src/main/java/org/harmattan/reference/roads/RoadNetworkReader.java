package org.harmattan.reference.roads;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.reference.roads.RoadNetwork.Edge;
import org.harmattan.reference.roads.RoadNetwork.Node;

/**
 * Reads a road graph in the African Urban Network format (Prieto-Curiel et al. 2022): a nodes file
 * {@code Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,...} (x = longitude, y = latitude) and an
 * edges file {@code "from","to","l",...} (l = length in km). A file is decoded as UTF-8, or as
 * Windows-1252 when its bytes are not valid UTF-8 (the published nodes file is Latin-1). Every bad
 * row is reported with its file, line and column and what was expected.
 */
public final class RoadNetworkReader {
  /** The system named in citations of the graph. */
  public static final String SYSTEM = "African Urban Network";

  /** The published file names, looked for by {@link #readDirectory(Path)}. */
  public static final String NODES_FILE = "AfricaNetworkNodes.csv";

  public static final String EDGES_FILE = "AfricaNetworkEdges.csv";

  private static final int MAX_PROBLEMS = 20;

  private RoadNetworkReader() {}

  /**
   * Reads {@value #NODES_FILE} and {@value #EDGES_FILE} from {@code dir}.
   *
   * @throws HarmattanException (user input) when a file is missing or a row is malformed
   */
  public static RoadNetwork readDirectory(Path dir) {
    requireNonNull(dir, "dir");
    return read(dir.resolve(NODES_FILE), dir.resolve(EDGES_FILE));
  }

  /**
   * Reads a nodes and an edges file.
   *
   * @throws HarmattanException (user input) naming the file, line and field of every bad row (up to
   *     20), or a missing file
   */
  public static RoadNetwork read(Path nodesFile, Path edgesFile) {
    requireNonNull(nodesFile, "nodesFile");
    requireNonNull(edgesFile, "edgesFile");
    byte[] nodeBytes = bytes(nodesFile, "nodes");
    byte[] edgeBytes = bytes(edgesFile, "edges");
    List<String> problems = new ArrayList<>();
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    readNodes(nodesFile, decode(nodeBytes), nodes, problems);
    readEdges(edgesFile, decode(edgeBytes), nodes, edges, problems);
    if (!problems.isEmpty()) {
      int total = problems.size();
      List<String> shown = problems.subList(0, Math.min(MAX_PROBLEMS, total));
      throw HarmattanException.userInput(
          ProblemCode.ROAD_GRAPH_INVALID,
          "the road graph has "
              + total
              + " bad row(s); expected the African Urban Network format (nodes:"
              + " Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,...; edges: \"from\",\"to\",\"l\",...):\n  "
              + String.join("\n  ", shown)
              + (total > shown.size() ? "\n  … and " + (total - shown.size()) + " more" : ""));
    }
    return new RoadNetwork(
        List.copyOf(nodes.values()),
        edges,
        List.of(source(nodesFile, nodeBytes), source(edgesFile, edgeBytes)));
  }

  private static byte[] bytes(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.ROAD_GRAPH_UNREADABLE,
          "cannot read the road graph's "
              + what
              + " file "
              + file
              + " ("
              + e.getMessage()
              + "); expected "
              + (what.equals("nodes") ? NODES_FILE : EDGES_FILE)
              + " of the African Urban Network");
    }
  }

  /** UTF-8 when valid, else Windows-1252 (a superset of Latin-1's printable characters). */
  static String decode(byte[] bytes) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static SourceRef source(Path file, byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return new SourceRef(
          SYSTEM, file.getFileName().toString(), HexFormat.of().formatHex(md.digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static void readNodes(
      Path file, String text, Map<String, Node> nodes, List<String> problems) {
    List<CsvRecord> records = records(file, text, problems);
    if (records.isEmpty()) {
      problems.add(file + ": empty file, expected a header line");
      return;
    }
    List<String> header = records.get(0).getFields();
    int id = header.indexOf("Agglomeration_ID");
    int name = header.indexOf("agglosName");
    int x = header.indexOf("x");
    int y = header.indexOf("y");
    int pop = header.indexOf("Pop2015");
    int iso = header.indexOf("ISO3");
    if (id < 0 || name < 0 || x < 0 || y < 0 || pop < 0 || iso < 0) {
      problems.add(
          file
              + " line "
              + records.get(0).getStartingLineNumber()
              + ": header "
              + header
              + " lacks one of Agglomeration_ID, agglosName, x, y, Pop2015, ISO3");
      return;
    }
    int width = Math.max(Math.max(Math.max(id, name), Math.max(x, y)), Math.max(pop, iso)) + 1;
    for (CsvRecord r : records.subList(1, records.size())) {
      String at = file + " line " + r.getStartingLineNumber();
      List<String> f = r.getFields();
      if (f.size() < width) {
        problems.add(at + ": " + f.size() + " fields, expected at least " + width);
        continue;
      }
      Optional<Double> lon = number(f.get(x), at, "x (longitude)", -180, 180, problems);
      Optional<Double> lat = number(f.get(y), at, "y (latitude)", -90, 90, problems);
      Optional<Double> p = number(f.get(pop), at, "Pop2015", 0, 1e10, problems);
      String nodeId = f.get(id).trim();
      if (nodeId.isEmpty()) {
        problems.add(at + ", column Agglomeration_ID: empty, expected a node id");
        continue;
      }
      if (lon.isEmpty() || lat.isEmpty() || p.isEmpty()) {
        continue;
      }
      Node n =
          new Node(
              nodeId,
              f.get(name).trim(),
              lat.get(),
              lon.get(),
              Math.round(p.get()),
              f.get(iso).trim());
      if (nodes.putIfAbsent(nodeId, n) != null) {
        problems.add(at + ", column Agglomeration_ID: node " + nodeId + " appears twice");
      }
    }
  }

  private static void readEdges(
      Path file, String text, Map<String, Node> nodes, List<Edge> edges, List<String> problems) {
    List<CsvRecord> records = records(file, text, problems);
    if (records.isEmpty()) {
      problems.add(file + ": empty file, expected a header line");
      return;
    }
    List<String> header = records.get(0).getFields();
    int from = header.indexOf("from");
    int to = header.indexOf("to");
    int l = header.indexOf("l");
    if (from < 0 || to < 0 || l < 0) {
      problems.add(
          file
              + " line "
              + records.get(0).getStartingLineNumber()
              + ": header "
              + header
              + " lacks one of from, to, l");
      return;
    }
    int width = Math.max(from, Math.max(to, l)) + 1;
    for (CsvRecord r : records.subList(1, records.size())) {
      String at = file + " line " + r.getStartingLineNumber();
      List<String> f = r.getFields();
      if (f.size() < width) {
        problems.add(at + ": " + f.size() + " fields, expected at least " + width);
        continue;
      }
      String a = f.get(from).trim();
      String b = f.get(to).trim();
      Optional<Double> km = number(f.get(l), at, "l (km)", 0, 1e5, problems);
      boolean known = true;
      for (String[] end : new String[][] {{"from", a}, {"to", b}}) {
        if (!nodes.containsKey(end[1])) {
          problems.add(
              at + ", column " + end[0] + ": node '" + end[1] + "' is not in the nodes file");
          known = false;
        }
      }
      if (km.isEmpty() || !known || a.equals(b)) {
        if (known && a.equals(b)) {
          problems.add(at + ": edge from node " + a + " to itself, expected two distinct nodes");
        }
        continue;
      }
      edges.add(new Edge(a, b, km.get()));
    }
  }

  /**
   * The RFC 4180 records of a decoded file, blank lines left out. A quoted field still open at the
   * end of the file is reported and its record dropped from the result.
   */
  private static List<CsvRecord> records(Path file, String text, List<String> problems) {
    List<CsvRecord> out = new ArrayList<>();
    long nextLine = 1;
    try (CsvReader<CsvRecord> csv = csvReader(text)) {
      for (CsvRecord r : csv) {
        nextLine = r.getStartingLineNumber() + lineBreaks(r.getFields()) + 1;
        if (r.getFieldCount() > 1 || !r.getField(0).isBlank()) {
          out.add(r);
        }
      }
    } catch (CsvParseException e) {
      // With empty lines kept as records, the bad record starts right after the last one read.
      problems.add(
          file
              + " line "
              + nextLine
              + (String.valueOf(e.getMessage()).startsWith("Unclosed quoted field")
                  ? ": a quoted field is not closed before the end of the file (expected a"
                      + " closing quote; the file may be cut short)"
                  : ": " + e.getMessage() + " (expected RFC 4180 CSV; the rest is not read)"));
    } catch (IOException e) {
      throw new UncheckedIOException("reading CSV from a string failed", e);
    }
    return out;
  }

  // allowExtraCharsAfterClosingQuote is deprecated in FastCSV 4 but has no replacement yet; the
  // old reader read "a"b as ab, and a parse error would end the read instead of naming the row.
  @SuppressWarnings("removal")
  private static CsvReader<CsvRecord> csvReader(String text) {
    return CsvReader.builder()
        // Kept as records (then skipped) so that line numbers of a cut record can be derived.
        .skipEmptyLines(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .allowExtraCharsAfterClosingQuote(true)
        .allowUnclosedQuote(false)
        .ofCsvRecord(text);
  }

  /** The line breaks inside a record's quoted fields (FastCSV keeps them verbatim). */
  private static long lineBreaks(List<String> fields) {
    long n = 0;
    for (String f : fields) {
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == f.length() || f.charAt(i + 1) != '\n'))) {
          n++;
        }
      }
    }
    return n;
  }

  private static Optional<Double> number(
      String raw, String at, String column, double min, double max, List<String> problems) {
    String s = raw.trim();
    try {
      double v = Double.parseDouble(s);
      if (v >= min && v <= max) {
        return Optional.of(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        at + ", column " + column + ": '" + s + "' is not a number in " + min + ".." + max);
    return Optional.empty();
  }
}
