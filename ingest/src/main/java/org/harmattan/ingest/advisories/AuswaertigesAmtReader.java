package org.harmattan.ingest.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The Auswärtiges Amt's open-data travel warnings, {@code
 * https://www.auswaertiges-amt.de/opendata/travelwarning} and {@code /travelwarning/{contentId}}
 * (OpenAPI at travelwarning.api.bund.dev, version 1.2.6): JSON whose {@code response} maps content
 * ids to entries with {@code title}, {@code countryCode}, {@code iso3CountryCode}, {@code
 * countryName}, the flags {@code warning}, {@code partialWarning}, {@code situationWarning} and
 * {@code situationPartWarning}, {@code lastModified} and {@code effective} (epoch milliseconds)
 * and, on the per-country endpoint only, the HTML {@code content}. Areas come from the lists the
 * content introduces with "… wird gewarnt" (travel warning) or "… wird abgeraten" (advised
 * against).
 */
public final class AuswaertigesAmtReader {
  /** The flags, in order of severity, as published. */
  public static final List<String> FLAGS =
      List.of("warning", "partialWarning", "situationWarning", "situationPartWarning");

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private AuswaertigesAmtReader() {}

  public static AdvisoryReport read(byte[] content, String file, String sha256, String iso3) {
    for (Map.Entry<String, JsonNode> e : entries(content, file)) {
      if (!e.getValue().isObject()) {
        continue; // lastModified, contentList
      }
      JsonNode entry = e.getValue();
      if (Json.findString(entry, "iso3CountryCode").filter(iso3::equals).isPresent()) {
        return entry(e.getKey(), entry, file, sha256, iso3, "$.response." + e.getKey());
      }
    }
    throw HarmattanException.sourceData(
        ProblemCode.ADVISORY_MISSING,
        file
            + ": no entry with iso3CountryCode "
            + iso3
            + " in response (expected one per country)");
  }

  /**
   * The content id of {@code iso3}'s entry in a list response, for {@code /travelwarning/{id}},
   * which adds the advice's text.
   */
  public static Optional<String> findContentId(byte[] content, String file, String iso3) {
    for (Map.Entry<String, JsonNode> e : entries(content, file)) {
      if (e.getValue().isObject()
          && Json.findString(e.getValue(), "iso3CountryCode").filter(iso3::equals).isPresent()) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** The members of the document's {@code response} object, in document order. */
  private static Set<Map.Entry<String, JsonNode>> entries(byte[] content, String file) {
    JsonNode root = Json.object(Json.parse(content, file), file, "$");
    return Json.object(Json.get(root, "response", file, "$"), file, "$.response").properties();
  }

  private static AdvisoryReport entry(
      String id, JsonNode e, String file, String sha256, String iso3, String path) {
    List<String> wording = new ArrayList<>();
    for (String flag : FLAGS) {
      if (Json.bool(Json.get(e, flag, file, path), file, path + "." + flag)) {
        wording.add(flag);
      }
    }
    long modified =
        Json.number(Json.get(e, "lastModified", file, path), file, path + ".lastModified");
    LocalDate issued = Instant.ofEpochMilli(modified).atZone(BERLIN).toLocalDate();
    String html = Json.findString(e, "content").orElse("");
    List<RegionNote> regions = new ArrayList<>();
    for (Html.Listed l : Html.lists(html)) {
      String lead = l.lead().toLowerCase(Locale.ROOT);
      String w =
          lead.contains("gewarnt")
              ? "partialWarning"
              : lead.contains("abgeraten") ? "situationPartWarning" : null;
      if (w != null) {
        for (String item : l.items()) {
          regions.add(new RegionNote(item, w));
        }
      }
    }
    String title = Json.string(Json.get(e, "title", file, path), file, path + ".title");
    return new AdvisoryReport(
        Government.DE,
        iso3,
        title,
        issued,
        "https://www.auswaertiges-amt.de/opendata/travelwarning/" + id,
        wording,
        regions,
        Html.text(html),
        "",
        file,
        sha256);
  }
}
