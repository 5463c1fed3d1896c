package org.harmattan.app;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mutated input file for the ingest fuzz suite: the first rows of a real file, changed by one
 * to three seeded mutations. The same seed always gives the same bytes, so a failing case can be
 * replayed from its seed alone.
 */
final class FuzzCase {

  /**
   * Rows taken from each real file: enough for duplicates and conflicts, small enough to be fast.
   */
  private static final int ROWS = 40;

  /** FastCSV's default limit on one field (16 MiB); one case in a few hundred goes above it. */
  private static final int ABOVE_FIELD_LIMIT = (16 << 20) + 1024;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern DATE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[ T][\\d:.]+)?|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2} [A-Z][a-z]+ \\d{4}"
              + "|\\d{8}");

  private static final String[] LIMIT_NUMBERS = {
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "99999999999999999999999",
    "1e400",
    "-1e400",
    "4.9e-325",
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "0x1F",
    "1,5",
    " 12 ",
    "",
    "-1",
    "0",
    "9999999999",
    "1551225600000",
    "-99999999999",
    "2147483648",
    "١٢",
    "12abc"
  };

  private static final String[] EDGE_DATES = {
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "+10000-01-01",
    "2019-02-30",
    "2018-02-29",
    "2020-02-29",
    "1969-12-31",
    "1970-01-01",
    "2018-13-01",
    "2018-00-10",
    "31 February 2018",
    "29/02/2019",
    "20180230",
    "99999999",
    "",
    "2018-1-5",
    "2018-06-15T25:61:00",
    "not a date"
  };

  /** Byte sequences that are wrong in UTF-8, in Windows-1252, or in both. */
  private static final byte[][] BAD_BYTES = {
    {(byte) 0x81},
    {(byte) 0x8D},
    {(byte) 0x8F},
    {(byte) 0x90},
    {(byte) 0x9D},
    {(byte) 0xE9},
    {(byte) 0xC3},
    {(byte) 0xFF},
    {(byte) 0xFE},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
  };

  private static final String[] CONTROLS = {
    "\u001b[31m",
    "\u001b]0;title\u0007",
    "\r",
    "\u0007",
    "\b",
    "\u000b",
    "\f",
    "\u2028",
    "\u0085",
    "\u200b",
    "\uFEFF",
    "\u0000"
  };

  private final long seed;
  private final Path source;
  private final String name;
  private final byte[] bytes;
  private final List<String> mutations;

  /**
   * @param seed the case's seed
   * @param source the real file the rows came from
   * @param name the file name to write (the real one: some formats read the year from it)
   * @param bytes the mutated content
   * @param mutations what was done, in words, for the failure message
   */
  FuzzCase(long seed, Path source, String name, byte[] bytes, List<String> mutations) {
    this.seed = seed;
    this.source = requireNonNull(source, "source");
    this.name = requireNonNull(name, "name");
    this.bytes = requireNonNull(bytes, "bytes");
    this.mutations = List.copyOf(mutations);
  }

  long seed() {
    return seed;
  }

  String name() {
    return name;
  }

  /**
   * The first lines of a real text file, or a whole workbook, the material every case of it starts
   * from.
   */
  record Seed(Path source, List<String> lines, boolean tabs) {
    Seed {
      requireNonNull(source, "source");
      lines = List.copyOf(lines);
    }

    boolean workbook() {
      return source.toString().endsWith(".xlsx");
    }

    /** Reads the header and the first rows of {@code file} (UTF-8; undecodable bytes as is). */
    static Seed of(Path file) {
      if (file.toString().endsWith(".xlsx")) {
        return new Seed(file, List.of(), false);
      }
      List<String> lines = new ArrayList<>();
      try {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n", ROWS + 3)) {
          if (lines.size() > ROWS + 1) {
            break;
          }
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Seed(file, lines, file.toString().endsWith(".tsv"));
    }
  }

  /** Builds the case for {@code seed} from one of {@code seeds}. */
  static FuzzCase make(long seed, List<Seed> seeds) {
    SplittableRandom random = new SplittableRandom(seed);
    Seed from = seeds.get(random.nextInt(seeds.size()));
    String name = String.valueOf(from.source().getFileName());
    if (from.workbook()) {
      return FuzzWorkbook.make(seed, random, from.source(), name);
    }
    List<String> lines = new ArrayList<>(from.lines());
    List<String> done = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    byte[] bytes = null;
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(14);
      if (bytes != null && kind < 11) {
        // Once bytes are raw, only byte-level mutations can follow.
        kind = 11 + random.nextInt(3);
      }
      switch (kind) {
        case 0 -> done.add(numberAtLimit(random, lines, from.tabs()));
        case 1 -> done.add(dateAtEdge(random, lines, from.tabs()));
        case 2 -> done.add(duplicate(random, lines, false, from.tabs()));
        case 3 -> done.add(duplicate(random, lines, true, from.tabs()));
        case 4 -> done.add(strayQuote(random, lines));
        case 5 -> done.add(otherDelimiter(random, lines));
        case 6 -> done.add(hugeField(random, lines, from.tabs()));
        case 7 -> done.add(control(random, lines));
        case 8 -> done.add(header(random, lines, from.tabs()));
        case 9 -> done.add(lineEndings(random, lines));
        case 10 -> done.add(dropOrBlank(random, lines));
        default -> {
          if (bytes == null) {
            bytes = join(lines);
          }
          byte[][] out = {bytes};
          done.add(byteLevel(random, kind, out));
          bytes = out[0];
        }
      }
    }
    if (bytes == null) {
      bytes = join(lines);
    }
    return new FuzzCase(seed, from.source(), name, bytes, done);
  }

  /** Writes the case's file into {@code dir} and returns its path. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), bytes);
  }

  @Override
  public String toString() {
    return "case seed "
        + seed
        + " (from "
        + source.getFileName()
        + ": "
        + String.join("; ", mutations)
        + ")";
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
  }

  private static int dataLine(SplittableRandom random, List<String> lines) {
    return lines.size() < 2 ? 0 : 1 + random.nextInt(lines.size() - 1);
  }

  private static List<String> split(String line, boolean tabs) {
    return new ArrayList<>(Arrays.asList(line.split(tabs ? "\t" : ",", -1)));
  }

  private static String joinFields(List<String> fields, boolean tabs) {
    return String.join(tabs ? "\t" : ",", fields);
  }

  /** A number at one of its limits, or a string that only looks like one. */
  static String limitNumber(SplittableRandom random) {
    return LIMIT_NUMBERS[random.nextInt(LIMIT_NUMBERS.length)];
  }

  /** A date at one of its edges, or a string that only looks like one. */
  static String edgeDate(SplittableRandom random) {
    return EDGE_DATES[random.nextInt(EDGE_DATES.length)];
  }

  /** A control or invisible character. */
  static String controlCharacter(SplittableRandom random) {
    return CONTROLS[random.nextInt(CONTROLS.length)];
  }

  /** Cuts {@code in} at a random byte, or puts a bad byte sequence or a byte-order mark into it. */
  static String mutateBytes(SplittableRandom random, byte[][] bytes) {
    return byteLevel(random, 11 + random.nextInt(3), bytes);
  }

  private static String numberAtLimit(SplittableRandom random, List<String> lines, boolean tabs) {
    int at = dataLine(random, lines);
    List<String> fields = split(lines.get(at), tabs);
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i).replace("\"", "");
      if (NUMBER.matcher(f).matches()) {
        numeric.add(i);
      }
    }
    if (numeric.isEmpty()) {
      return "no number on line " + (at + 1);
    }
    int field = numeric.get(random.nextInt(numeric.size()));
    String value = LIMIT_NUMBERS[random.nextInt(LIMIT_NUMBERS.length)];
    fields.set(field, quoteIfNeeded(value, tabs));
    lines.set(at, joinFields(fields, tabs));
    return "field " + (field + 1) + " of line " + (at + 1) + " set to \"" + value + "\"";
  }

  private static String dateAtEdge(SplittableRandom random, List<String> lines, boolean tabs) {
    int at = dataLine(random, lines);
    String line = lines.get(at);
    Matcher m = DATE.matcher(line);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return "no date on line " + (at + 1);
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    String value = EDGE_DATES[random.nextInt(EDGE_DATES.length)];
    lines.set(at, line.substring(0, span[0]) + value + line.substring(span[1]));
    return "a date on line " + (at + 1) + " set to \"" + value + "\"" + (tabs ? " (tabs)" : "");
  }

  private static String duplicate(
      SplittableRandom random, List<String> lines, boolean conflicting, boolean tabs) {
    int at = dataLine(random, lines);
    String copy = lines.get(at);
    if (conflicting) {
      List<String> fields = split(copy, tabs);
      for (int i = fields.size() - 1; i >= 0; i--) {
        String f = fields.get(i).replace("\"", "");
        if (f.matches("\\d{1,4}") && random.nextBoolean()) {
          fields.set(i, Integer.toString(Integer.parseInt(f) + 1 + random.nextInt(50)));
          break;
        }
      }
      copy = joinFields(fields, tabs);
    }
    int to = 1 + random.nextInt(lines.size());
    lines.add(Math.min(to, lines.size()), copy);
    return (conflicting ? "conflicting copy" : "exact copy") + " of line " + (at + 1);
  }

  private static String strayQuote(SplittableRandom random, List<String> lines) {
    int at = dataLine(random, lines);
    String line = lines.get(at);
    int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
    lines.set(at, line.substring(0, pos) + "\"" + line.substring(pos));
    return "stray quote on line " + (at + 1) + " at column " + (pos + 1);
  }

  private static String otherDelimiter(SplittableRandom random, List<String> lines) {
    int at = random.nextInt(lines.size());
    String[] others = {";", "\t", "|", ","};
    String other = others[random.nextInt(others.length)];
    String line = lines.get(at);
    String changed = random.nextBoolean() ? line.replace(",", other) : line.replace("\t", other);
    lines.set(at, changed);
    return "delimiters of line " + (at + 1) + " changed to '" + other.replace("\t", "\\t") + "'";
  }

  private static String hugeField(SplittableRandom random, List<String> lines, boolean tabs) {
    int at = dataLine(random, lines);
    List<String> fields = split(lines.get(at), tabs);
    int field = random.nextInt(fields.size());
    int size;
    String what;
    if (random.nextInt(300) == 0) {
      size = ABOVE_FIELD_LIMIT;
      what = "above the parser's field limit";
    } else if (random.nextInt(40) == 0) {
      // More fields than any reader should accept.
      StringBuilder many = new StringBuilder(lines.get(at));
      for (int i = 0; i < 20_000; i++) {
        many.append(tabs ? '\t' : ',').append(i % 10);
      }
      lines.set(at, many.toString());
      return "20,000 extra fields on line " + (at + 1);
    } else {
      size = 1 + random.nextInt(200_000);
      what = size + " characters";
    }
    String value = "x".repeat(size);
    fields.set(field, tabs ? value : "\"" + value + "\"");
    lines.set(at, joinFields(fields, tabs));
    return "field " + (field + 1) + " of line " + (at + 1) + " made " + what;
  }

  private static String control(SplittableRandom random, List<String> lines) {
    int at = random.nextInt(lines.size());
    String c = CONTROLS[random.nextInt(CONTROLS.length)];
    String line = lines.get(at);
    int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
    lines.set(at, line.substring(0, pos) + c + line.substring(pos));
    return "control U+"
        + String.format(java.util.Locale.ROOT, "%04X", (int) c.charAt(0))
        + " on line "
        + (at + 1);
  }

  private static String header(SplittableRandom random, List<String> lines, boolean tabs) {
    List<String> names = split(lines.get(0), tabs);
    if (names.size() < 2) {
      lines.set(0, "");
      return "header emptied";
    }
    int a = random.nextInt(names.size());
    int b = random.nextInt(names.size());
    switch (random.nextInt(4)) {
      case 0 -> {
        String gone = names.remove(a);
        lines.set(0, joinFields(names, tabs));
        return "header column " + gone + " removed";
      }
      case 1 -> {
        names.set(b, names.get(a));
        lines.set(0, joinFields(names, tabs));
        return "header column " + (b + 1) + " renamed to a copy of " + names.get(a);
      }
      case 2 -> {
        String t = names.get(a);
        names.set(a, names.get(b));
        names.set(b, t);
        lines.set(0, joinFields(names, tabs));
        return "header columns " + (a + 1) + " and " + (b + 1) + " swapped";
      }
      default -> {
        lines.set(0, lines.get(0).toUpperCase(java.util.Locale.ROOT));
        return "header upper-cased";
      }
    }
  }

  private static String lineEndings(SplittableRandom random, List<String> lines) {
    String ending = random.nextBoolean() ? "\r" : "\r\n";
    List<String> joined = List.of(String.join(ending, lines));
    lines.clear();
    lines.addAll(joined);
    return "lines ended by " + (ending.length() == 1 ? "CR" : "CRLF");
  }

  private static String dropOrBlank(SplittableRandom random, List<String> lines) {
    int at = dataLine(random, lines);
    if (random.nextBoolean() && at > 0) {
      lines.remove(at);
      return "line " + (at + 1) + " removed";
    }
    lines.add(at, random.nextBoolean() ? "" : "   ");
    return "blank line before line " + (at + 1);
  }

  /** Truncation, bad bytes and byte-order marks, applied to the encoded file. */
  private static String byteLevel(SplittableRandom random, int kind, byte[][] bytes) {
    byte[] in = bytes[0];
    if (kind == 11) {
      int cut = in.length < 2 ? 0 : random.nextInt(in.length);
      bytes[0] = Arrays.copyOf(in, cut);
      return "cut after byte " + cut;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 8);
    if (kind == 12) {
      byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
      int at = random.nextInt(in.length + 1);
      out.write(in, 0, at);
      out.write(bad, 0, bad.length);
      out.write(in, at, in.length - at);
      bytes[0] = out.toByteArray();
      StringBuilder hex = new StringBuilder();
      for (byte b : bad) {
        hex.append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
      }
      return "bytes " + hex + " at offset " + at;
    }
    byte[][] marks = {
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {(byte) 0xFF, (byte) 0xFE},
      {(byte) 0xFE, (byte) 0xFF}
    };
    byte[] mark = marks[random.nextInt(marks.length)];
    out.write(mark, 0, mark.length);
    out.write(in, 0, in.length);
    bytes[0] = out.toByteArray();
    return "byte-order mark " + (mark.length == 3 ? "UTF-8" : "UTF-16");
  }

  private static String quoteIfNeeded(String value, boolean tabs) {
    if (!tabs && (value.contains(",") || value.contains(" "))) {
      return "\"" + value + "\"";
    }
    return value;
  }
}
