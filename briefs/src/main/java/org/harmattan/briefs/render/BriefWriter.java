package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.MapView;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Writes a brief's files into a directory: {@code brief.html}, {@code brief.pdf}, {@code brief.md},
 * {@code figures.json} and {@code charts/<chart-id>.svg} for every chart. Existing files of those
 * names are replaced; nothing else in the directory is touched. The files are written aside first
 * and moved into place when all are written, so that a brief that fails half-way (a full disk)
 * leaves no truncated file and the previous brief's files as they were.
 */
public final class BriefWriter {

  private BriefWriter() {}

  /**
   * The files one brief produced.
   *
   * @param html brief.html
   * @param pdf brief.pdf
   * @param markdown brief.md
   * @param figuresJson figures.json
   * @param charts charts/*.svg, in the order the charts appear
   * @param maps maps/*.svg, in the order the maps appear
   */
  public record Written(
      Path html, Path pdf, Path markdown, Path figuresJson, List<Path> charts, List<Path> maps) {
    public Written {
      requireNonNull(html, "html");
      requireNonNull(pdf, "pdf");
      requireNonNull(markdown, "markdown");
      requireNonNull(figuresJson, "figuresJson");
      charts = List.copyOf(charts);
      maps = List.copyOf(maps);
    }

    /** The files of a brief without maps. */
    public Written(Path html, Path pdf, Path markdown, Path figuresJson, List<Path> charts) {
      this(html, pdf, markdown, figuresJson, charts, List.of());
    }

    /** Every file, documents first, then charts, then maps. */
    public List<Path> all() {
      List<Path> all = new ArrayList<>(List.of(html, pdf, markdown, figuresJson));
      all.addAll(charts);
      all.addAll(maps);
      return List.copyOf(all);
    }
  }

  /** Renders {@code brief} and writes its files into {@code dir}, creating it if needed. */
  public static Written write(Brief brief, Path dir) {
    requireNonNull(brief, "brief");
    checkFolder(dir);
    List<Block.Chart> charts = ChartRenderer.charts(brief);
    Set<String> names = new HashSet<>();
    for (Block.Chart c : charts) {
      if (!names.add(chartFileName(c))) {
        throw new IllegalArgumentException(
            "two charts of the brief write to charts/"
                + chartFileName(c)
                + ": give them distinct ids");
      }
    }
    List<MapView> maps = maps(brief);
    Set<String> mapNames = new HashSet<>();
    for (MapView m : maps) {
      if (!mapNames.add(mapFileName(m))) {
        throw new IllegalArgumentException(
            "two maps of the brief write to maps/" + mapFileName(m) + ": give them distinct ids");
      }
    }
    String html = HtmlRenderer.render(brief);
    // The PDF is the slowest output; it renders on its own thread while the others are written.
    CompletableFuture<byte[]> pdf =
        CompletableFuture.supplyAsync(
            () -> PdfRenderer.render(html, dir.toAbsolutePath().toUri().toString()),
            runnable -> {
              Thread t = new Thread(runnable, "harmattan-pdf");
              t.setDaemon(true);
              t.start();
            });
    Path aside = null;
    try {
      aside = asideFolder(dir);
      Files.writeString(aside.resolve("brief.html"), html, StandardCharsets.UTF_8);
      Files.writeString(
          aside.resolve("brief.md"), MarkdownRenderer.render(brief), StandardCharsets.UTF_8);
      Files.writeString(
          aside.resolve("figures.json"), FiguresJson.write(brief), StandardCharsets.UTF_8);
      List<String> written = new ArrayList<>(List.of("brief.html", "brief.md", "figures.json"));
      List<Path> chartFiles = new ArrayList<>();
      if (!charts.isEmpty()) {
        Files.createDirectories(aside.resolve("charts"));
        for (Block.Chart c : charts) {
          String svg =
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ChartRenderer.toSvg(c, brief) + "\n";
          String name = "charts/" + chartFileName(c);
          Files.writeString(aside.resolve(name), svg, StandardCharsets.UTF_8);
          written.add(name);
          chartFiles.add(dir.resolve("charts").resolve(chartFileName(c)));
        }
      }
      List<Path> mapFiles = new ArrayList<>();
      if (!maps.isEmpty()) {
        Files.createDirectories(aside.resolve("maps"));
        for (MapView m : maps) {
          String svg =
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  + MapSvg.toSvg(m, brief.language())
                  + "\n";
          String name = "maps/" + mapFileName(m);
          Files.writeString(aside.resolve(name), svg, StandardCharsets.UTF_8);
          written.add(name);
          mapFiles.add(dir.resolve("maps").resolve(mapFileName(m)));
        }
      }
      Files.write(aside.resolve("brief.pdf"), pdf.join());
      written.add("brief.pdf");
      moveInPlace(aside, dir, written);
      return new Written(
          dir.resolve("brief.html"),
          dir.resolve("brief.pdf"),
          dir.resolve("brief.md"),
          dir.resolve("figures.json"),
          chartFiles,
          mapFiles);
    } catch (IOException e) {
      pdf.cancel(true);
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.CANNOT_WRITE_BRIEF,
          "cannot write the brief into "
              + dir
              + " ("
              + describe(e)
              + "); nothing of it was written there; choose another --out",
          e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    } finally {
      deleteQuietly(aside);
    }
  }

  /**
   * Refuses an empty folder name ({@code --out ""}), which would otherwise mean the current folder.
   */
  public static void checkFolder(Path dir) {
    requireNonNull(dir, "dir");
    if (dir.toString().isBlank()) {
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_BRIEF,
          "the folder for the brief is empty (--out \"\"); name one, e.g. --out out/mali-2018");
    }
  }

  /**
   * A new folder on the same disk as {@code dir} that the files are written into first: inside
   * {@code dir} when it exists (its parent may not be writable, as for {@code --out .}), else
   * beside it, so that nothing half-written ever has a name of the brief.
   */
  private static Path asideFolder(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    // Files.createDirectory, not createTempDirectory: the folder may become the brief's folder,
    // which should get the usual permissions, not a temporary folder's owner-only ones.
    String unique = UUID.randomUUID().toString();
    if (Files.isDirectory(target)) {
      return Files.createDirectory(target.resolve(".brief-writing-" + unique));
    }
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException("it is the root of the file system");
    }
    Files.createDirectories(parent);
    return Files.createDirectory(parent.resolve("." + target.getFileName() + ".writing-" + unique));
  }

  /**
   * Moves the written files from {@code aside} to their names in {@code dir}: the whole folder at
   * once when {@code dir} does not exist yet, else file by file, each an atomic rename that
   * replaces the file of the same name, so that a reader sees the old file or the new one, whole.
   */
  private static void moveInPlace(Path aside, Path dir, List<String> names) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && aside.getParent().equals(target.getParent())) {
      try {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (FileAlreadyExistsException e) {
        // Made meanwhile by someone else: moved file by file below.
        Files.createDirectories(target);
      }
    }
    // The sub-folders first, so that a folder that cannot be made stops before any file moves.
    for (String name : names) {
      Path parent = target.resolve(name).getParent();
      if (!parent.equals(target)) {
        Files.createDirectories(parent);
      }
    }
    for (String name : names) {
      Files.move(
          aside.resolve(name),
          target.resolve(name),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The I/O error in words: the JDK's message is often just the path, its class the reason. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "not a folder: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    return String.valueOf(e.getMessage());
  }

  /** Removes what is left of the folder written aside, if anything (after a failure). */
  private static void deleteQuietly(Path aside) {
    if (aside == null || !Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(aside)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a hidden leftover folder is harmless, and the brief's own error matters more.
    }
  }

  /** The maps of a brief, in the order they appear. */
  static List<MapView> maps(Brief brief) {
    return brief.sections().stream()
        .flatMap(s -> s.blocks().stream())
        .filter(Block.Map.class::isInstance)
        .map(b -> ((Block.Map) b).view())
        .toList();
  }

  /** The file name of a map: its id with anything but letters, digits, '.', '_' as '-'. */
  static String mapFileName(MapView map) {
    return map.id().replaceAll("[^A-Za-z0-9._]", "-") + ".svg";
  }

  /** The file name of a chart: its id with anything but letters, digits, '.', '_' as '-'. */
  static String chartFileName(Block.Chart chart) {
    return chart.id().replaceAll("[^A-Za-z0-9._]", "-") + ".svg";
  }
}
