package org.harmattan.ingest.advisories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;

/**
 * The US State Department's travel advisories feed, {@code
 * https://travel.state.gov/_res/rss/TAsTWs.xml} (listed on catalog.data.gov as "Travel Warnings"):
 * RSS 2.0 with one item per country, titled "Mali - Level 4: Do Not Travel", with a {@code link},
 * {@code pubDate}, an HTML {@code description} and {@code category} elements for the level, the
 * country's FIPS code and "advisory". Areas come from the lists the description introduces with "Do
 * Not Travel to:" (level 4) or "Reconsider Travel to:" (level 3).
 */
public final class StateDeptReader {
  private static final Pattern TITLE =
      Pattern.compile("^(.+?)\\s+[-\u2013]\\s+(Level\\s+[1-4]\\s*:\\s*.+)$");

  private StateDeptReader() {}

  public static AdvisoryReport read(byte[] content, String file, String sha256, String iso3) {
    List<Rss.Item> items = Rss.items(content, file);
    List<Candidate> found = new ArrayList<>();
    for (Rss.Item it : items) {
      Matcher m = TITLE.matcher(it.title());
      if (!m.matches()) {
        continue;
      }
      Optional<String> code = countryOf(it, m.group(1));
      if (code.isPresent() && code.get().equals(iso3)) {
        String where = file + " item " + it.index() + " ('" + it.title() + "')";
        found.add(new Candidate(it, m.group(2).strip(), Rss.date(it.pubDate(), where)));
      }
    }
    Candidate c =
        found.stream()
            .max(Comparator.comparing(Candidate::date))
            .orElseThrow(
                () ->
                    HarmattanException.sourceData(
                        ProblemCode.ADVISORY_MISSING,
                        file
                            + ": no item for "
                            + iso3
                            + " among "
                            + items.size()
                            + " items (expected a title such as 'Mali - Level 4: Do Not Travel')"));
    List<RegionNote> regions = new ArrayList<>();
    for (Html.Listed l : Html.lists(c.item().description())) {
      String lead = l.lead().toLowerCase(Locale.ROOT);
      String wording =
          lead.contains("do not travel")
              ? "Level 4: Do Not Travel"
              : lead.contains("reconsider travel") ? "Level 3: Reconsider Travel" : null;
      if (wording != null) {
        for (String item : l.items()) {
          regions.add(new RegionNote(item, wording));
        }
      }
    }
    return new AdvisoryReport(
        Government.US,
        iso3,
        c.item().title(),
        c.date(),
        c.item().link(),
        List.of(c.level()),
        regions,
        Html.text(c.item().description()),
        "",
        file,
        sha256);
  }

  private record Candidate(Rss.Item item, String level, java.time.LocalDate date) {}

  /** The FIPS code among the categories, else the country name of the title. */
  private static Optional<String> countryOf(Rss.Item it, String name) {
    for (String cat : it.categories()) {
      if (cat.matches("[A-Z]{2}")) {
        Optional<String> iso = Countries.get().findIso3ByFips(cat);
        if (iso.isPresent()) {
          return iso;
        }
      }
    }
    return Countries.get().findIso3ByName(name);
  }
}
