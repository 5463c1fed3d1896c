package org.harmattan.ingest.advisories;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;

/**
 * France Diplomatie's conseils aux voyageurs, as an RSS 2.0 feed of country-page ("fiche pays")
 * updates: items titled with the country, linking to {@code
 * https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/conseils-par-pays-destination/<pays>/},
 * whose HTML description carries the security map's zones in the ministry's four colours: vert
 * (vigilance normale), jaune (vigilance renforcée), orange (déconseillé sauf raison impérative),
 * rouge (formellement déconseillé). The wording for the whole country comes from sentences naming
 * "l'ensemble du pays", "tout le territoire" or "le reste du pays"; areas from the lists a colour
 * phrase introduces.
 */
public final class DiplomatieReader {
  /** The colours, most severe first, with the phrases that name them. */
  public static final List<String> COLOURS = List.of("rouge", "orange", "jaune", "vert");

  private static final Pattern RED = Pattern.compile("\\brouge\\b|formellement deconseill");
  private static final Pattern ORANGE =
      Pattern.compile("\\borange\\b|deconseill\\w* sauf raison imperative");
  private static final Pattern YELLOW = Pattern.compile("\\bjaune\\b|vigilance renforcee");
  private static final Pattern GREEN = Pattern.compile("\\bverte?\\b|vigilance normale");

  private DiplomatieReader() {}

  public static AdvisoryReport read(byte[] content, String file, String sha256, String iso3) {
    List<Rss.Item> items = Rss.items(content, file);
    Rss.Item best = null;
    LocalDate bestDate = null;
    for (Rss.Item it : items) {
      if (countryOf(it).filter(iso3::equals).isEmpty()) {
        continue;
      }
      LocalDate d =
          Rss.date(it.pubDate(), file + " item " + it.index() + " ('" + it.title() + "')");
      if (bestDate == null || d.isAfter(bestDate)) {
        best = it;
        bestDate = d;
      }
    }
    if (best == null) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_MISSING,
          file
              + ": no item for "
              + iso3
              + " among "
              + items.size()
              + " items (expected a title starting with the country's name)");
    }
    String text = Html.text(best.description());
    List<String> wording = new ArrayList<>();
    for (String sentence : text.split("(?<=[.!?])\\s+|\n", -1)) {
      String s = fold(sentence);
      if (s.contains("ensemble du")
          || s.contains("tout le territoire")
          || s.contains("tout le pays")
          || s.contains("reste du pays")) {
        colour(s).ifPresent(c -> wording.add(c + ": " + sentence.strip()));
      }
    }
    wording.sort(Comparator.comparingInt(w -> COLOURS.indexOf(w.substring(0, w.indexOf(':')))));
    List<RegionNote> regions = new ArrayList<>();
    for (Html.Listed l : Html.lists(best.description())) {
      Optional<String> c = colour(fold(l.lead()));
      if (c.isPresent()) {
        for (String item : l.items()) {
          regions.add(new RegionNote(item, c.get()));
        }
      }
    }
    return new AdvisoryReport(
        Government.FR,
        iso3,
        best.title(),
        bestDate,
        best.link(),
        wording,
        regions,
        text,
        "",
        file,
        sha256);
  }

  /** The colour a phrase names, by its colour word or its words of advice. */
  static Optional<String> colour(String folded) {
    if (RED.matcher(folded).find()) {
      return Optional.of("rouge");
    }
    if (ORANGE.matcher(folded).find()) {
      return Optional.of("orange");
    }
    if (YELLOW.matcher(folded).find()) {
      return Optional.of("jaune");
    }
    if (GREEN.matcher(folded).find()) {
      return Optional.of("vert");
    }
    return Optional.empty();
  }

  private static Optional<String> countryOf(Rss.Item it) {
    String head = it.title().split("\\s+[-\u2013:]\\s+|\\s*:\\s*", 2)[0].strip();
    Optional<String> byName = Countries.get().findIso3ByName(head);
    if (byName.isPresent()) {
      return byName;
    }
    String link = it.link();
    int k = link.indexOf("/conseils-par-pays-destination/");
    if (k >= 0) {
      String slug =
          link.substring(k + "/conseils-par-pays-destination/".length()).split("/", -1)[0];
      return Countries.get().findIso3ByName(slug.replace('-', ' '));
    }
    return Optional.empty();
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
