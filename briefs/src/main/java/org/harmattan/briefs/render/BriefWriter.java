package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.MapView;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Writes a brief's files into a directory: {@code brief.html}, {@code brief.pdf}, {@code brief.md},
 * {@code figures.json} and {@code charts/<chart-id>.svg} for every chart. Existing files of those
 * names are replaced; nothing else in the directory is touched.
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
    requireNonNull(dir, "dir");
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
    try {
      Files.createDirectories(dir);
      Path htmlFile = Files.writeString(dir.resolve("brief.html"), html, StandardCharsets.UTF_8);
      Path md =
          Files.writeString(
              dir.resolve("brief.md"), MarkdownRenderer.render(brief), StandardCharsets.UTF_8);
      Path json =
          Files.writeString(
              dir.resolve("figures.json"), FiguresJson.write(brief), StandardCharsets.UTF_8);
      List<Path> chartFiles = new ArrayList<>();
      if (!charts.isEmpty()) {
        Path chartDir = Files.createDirectories(dir.resolve("charts"));
        for (Block.Chart c : charts) {
          String svg =
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ChartRenderer.toSvg(c, brief) + "\n";
          chartFiles.add(
              Files.writeString(chartDir.resolve(chartFileName(c)), svg, StandardCharsets.UTF_8));
        }
      }
      List<Path> mapFiles = new ArrayList<>();
      if (!maps.isEmpty()) {
        Path mapDir = Files.createDirectories(dir.resolve("maps"));
        for (MapView m : maps) {
          String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + MapSvg.toSvg(m) + "\n";
          mapFiles.add(
              Files.writeString(mapDir.resolve(mapFileName(m)), svg, StandardCharsets.UTF_8));
        }
      }
      Path pdfFile = Files.write(dir.resolve("brief.pdf"), pdf.join());
      return new Written(htmlFile, pdfFile, md, json, chartFiles, mapFiles);
    } catch (IOException e) {
      pdf.cancel(true);
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.CANNOT_WRITE_BRIEF,
          "cannot write the brief into " + dir + " (" + e.getMessage() + "); choose another --out",
          e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
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
