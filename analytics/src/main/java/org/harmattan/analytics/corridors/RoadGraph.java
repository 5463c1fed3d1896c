package org.harmattan.analytics.corridors;

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
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.analytics.capital.Geo;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedMultigraph;

/**
 * A road graph in the African Urban Network format (Prieto-Curiel et al. 2022): a nodes file {@code
 * Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,...} (x = longitude, y = latitude) and an edges file
 * {@code "from","to","l",...} (l = length in km). Undirected; the edge weight is {@code l}. A file
 * is decoded as UTF-8, or as Windows-1252 when its bytes are not valid UTF-8 (the published nodes
 * file is Latin-1).
 */
public final class RoadGraph {
  /** The system named in citations of the graph. */
  public static final String SYSTEM = "African Urban Network";

  /** The published file names, looked for by {@link #readDirectory(Path)}. */
  public static final String NODES_FILE = "AfricaNetworkNodes.csv";

  public static final String EDGES_FILE = "AfricaNetworkEdges.csv";

  private static final int MAX_PROBLEMS = 20;

  /**
   * A node: a town (agglomeration) or a road junction (named {@code road}).
   *
   * @param id the Agglomeration_ID
   * @param name agglosName
   * @param latitude y
   * @param longitude x
   * @param population Pop2015 (0 for junctions)
   * @param iso3 the country
   */
  public record Node(
      String id, String name, double latitude, double longitude, long population, String iso3) {
    public Node {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(iso3, "iso3");
    }

    /** True for the graph's unnamed road junctions (agglosName {@code road}). */
    public boolean junction() {
      return "road".equals(name);
    }

    /** "Kayes", or "road junction 1139844", for messages that must name the node exactly. */
    public String label() {
      return junction() ? "road junction " + id : name;
    }
  }

  private final Map<String, Node> nodes;
  private final Graph<String, DefaultWeightedEdge> graph;
  private final List<SourceRef> sources;

  private RoadGraph(
      Map<String, Node> nodes, Graph<String, DefaultWeightedEdge> graph, List<SourceRef> sources) {
    this.nodes = nodes;
    this.graph = graph;
    this.sources = List.copyOf(sources);
  }

  /**
   * Reads {@value #NODES_FILE} and {@value #EDGES_FILE} from {@code dir}.
   *
   * @throws HarmattanException (user input) when a file is missing or a row is malformed
   */
  public static RoadGraph readDirectory(Path dir) {
    requireNonNull(dir, "dir");
    return read(dir.resolve(NODES_FILE), dir.resolve(EDGES_FILE));
  }

  /**
   * Reads a nodes and an edges file.
   *
   * @throws HarmattanException (user input) naming the file, line and field of every bad row (up to
   *     20), or a missing file
   */
  public static RoadGraph read(Path nodesFile, Path edgesFile) {
    requireNonNull(nodesFile, "nodesFile");
    requireNonNull(edgesFile, "edgesFile");
    byte[] nodeBytes = bytes(nodesFile, "nodes");
    byte[] edgeBytes = bytes(edgesFile, "edges");
    List<String> problems = new ArrayList<>();
    Map<String, Node> nodes = new LinkedHashMap<>();
    Graph<String, DefaultWeightedEdge> graph = new WeightedMultigraph<>(DefaultWeightedEdge.class);
    readNodes(nodesFile, decode(nodeBytes), nodes, problems);
    for (String id : nodes.keySet()) {
      graph.addVertex(id);
    }
    readEdges(edgesFile, decode(edgeBytes), nodes, graph, problems);
    if (!problems.isEmpty()) {
      int total = problems.size();
      List<String> shown = problems.subList(0, Math.min(MAX_PROBLEMS, total));
      throw HarmattanException.userInput(
          "road_graph_invalid",
          "the road graph has "
              + total
              + " bad row(s); expected the African Urban Network format (nodes:"
              + " Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,...; edges: \"from\",\"to\",\"l\",...):\n  "
              + String.join("\n  ", shown)
              + (total > shown.size() ? "\n  … and " + (total - shown.size()) + " more" : ""));
    }
    return new RoadGraph(
        nodes, graph, List.of(source(nodesFile, nodeBytes), source(edgesFile, edgeBytes)));
  }

  private static byte[] bytes(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          "road_graph_unreadable",
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
      Path file,
      String text,
      Map<String, Node> nodes,
      Graph<String, DefaultWeightedEdge> graph,
      List<String> problems) {
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
      DefaultWeightedEdge e = graph.addEdge(a, b);
      graph.setEdgeWeight(e, km.get());
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

  /** Every node, in file order. */
  public Collection<Node> listNodes() {
    return nodes.values();
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int edgeCount() {
    return graph.edgeSet().size();
  }

  /** The node with {@code id}; throws when absent. */
  public Node getNode(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node " + id + " in the road graph");
    }
    return n;
  }

  /** The nodes and edges files, with their SHA-256, for citations. */
  public List<SourceRef> sources() {
    return sources;
  }

  /**
   * How a node reads in a brief: a town by its name, a junction as "junction near" the nearest town
   * of the graph (no ids in running text).
   */
  public String describe(Node node) {
    if (!node.junction()) {
      return node.name();
    }
    Node best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Node n : nodes.values()) {
      double km = Geo.distanceKm(node.latitude(), node.longitude(), n.latitude(), n.longitude());
      if (!n.junction() && km < bestKm) {
        best = n;
        bestKm = km;
      }
    }
    return best == null ? "road junction" : "junction near " + best.name();
  }

  /** The node nearest (haversine) to a point; empty only for an empty graph. */
  public Optional<Node> findNearest(double latitude, double longitude) {
    Node best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Node n : nodes.values()) {
      double km = Geo.distanceKm(latitude, longitude, n.latitude(), n.longitude());
      if (km < bestKm) {
        best = n;
        bestKm = km;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The shortest path by length from {@code from} to {@code to}: its nodes and the length of each
   * step (km), or empty when they are not connected.
   */
  Optional<Route> findShortestPath(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(new Route(List.of(getNode(from)), List.of()));
    }
    GraphPath<String, DefaultWeightedEdge> p = new DijkstraShortestPath<>(graph).getPath(from, to);
    if (p == null) {
      return Optional.empty();
    }
    List<Node> path = p.getVertexList().stream().map(this::getNode).toList();
    List<Double> km = p.getEdgeList().stream().map(graph::getEdgeWeight).toList();
    return Optional.of(new Route(path, km));
  }

  /** A path: n nodes and n - 1 step lengths. */
  record Route(List<Node> nodes, List<Double> stepKm) {}
}
