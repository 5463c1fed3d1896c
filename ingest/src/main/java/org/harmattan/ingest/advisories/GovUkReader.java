package org.harmattan.ingest.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;

/**
 * The FCDO's foreign travel advice from the GOV.UK content API, {@code
 * https://www.gov.uk/api/content/foreign-travel-advice/<country>}: a content item (documented at
 * content-api.publishing.service.gov.uk) whose {@code details} hold {@code alert_status} (codes
 * such as {@code avoid_all_travel_to_whole_country}), {@code change_description}, {@code country}
 * and the {@code parts} of the advice, each with a {@code slug}, {@code title} and HTML {@code
 * body}. Areas come from the lists the body introduces with "FCDO advises against all travel to:".
 */
public final class GovUkReader {
  /** Region code for an area under "advises against all travel to". */
  public static final String PARTS_ALL = "avoid_all_travel_to_parts";

  /** Region code for an area under "advises against all but essential travel to". */
  public static final String PARTS_ESSENTIAL = "avoid_all_but_essential_travel_to_parts";

  private GovUkReader() {}

  public static AdvisoryReport read(byte[] content, String file, String sha256) {
    JsonNode root = Json.object(Json.parse(content, file), file, "$");
    String basePath = Json.string(Json.get(root, "base_path", file, "$"), file, "$.base_path");
    if (!basePath.startsWith("/foreign-travel-advice/")) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_GOVUK,
          file
              + ": base_path '"
              + basePath
              + "' is not a foreign travel advice page (expected /foreign-travel-advice/<country>)");
    }
    JsonNode details = Json.object(Json.get(root, "details", file, "$"), file, "$.details");
    JsonNode country =
        Json.object(Json.get(details, "country", file, "$.details"), file, "$.details.country");
    String name =
        Json.string(
            Json.get(country, "name", file, "$.details.country"), file, "$.details.country.name");
    String iso3 =
        Countries.get()
            .findIso3ByName(name)
            .orElseThrow(
                () ->
                    HarmattanException.sourceData(
                        ProblemCode.ADVISORY_COUNTRY,
                        file
                            + ": details.country.name '"
                            + name
                            + "' is not a country Harmattan knows"));
    List<String> wording = new ArrayList<>();
    JsonNode status = Json.find(details, "alert_status").orElse(null);
    if (status != null) {
      int k = 0;
      for (JsonNode o : Json.array(status, file, "$.details.alert_status")) {
        wording.add(Json.string(o, file, "$.details.alert_status[" + k++ + "]"));
      }
    }
    StringBuilder text = new StringBuilder();
    List<RegionNote> regions = new ArrayList<>();
    Json.findString(details, "summary").ifPresent(s -> text.append(Html.text(s)));
    JsonNode parts = Json.find(details, "parts").orElse(null);
    if (parts != null) {
      int k = 0;
      for (JsonNode p : Json.array(parts, file, "$.details.parts")) {
        String path = "$.details.parts[" + k++ + "]";
        JsonNode part = Json.object(p, file, path);
        String body = Json.string(Json.get(part, "body", file, path), file, path + ".body");
        text.append(text.length() == 0 ? "" : "\n").append(Html.text(body));
        for (Html.Listed l : Html.lists(body)) {
          String lead = l.lead().toLowerCase(Locale.ROOT);
          String code =
              lead.contains("all but essential travel to")
                  ? PARTS_ESSENTIAL
                  : lead.contains("advises against all travel to") ? PARTS_ALL : null;
          if (code != null) {
            for (String item : l.items()) {
              regions.add(new RegionNote(item, code));
            }
          }
        }
      }
    }
    String change =
        Json.findString(details, "change_description").map(s -> Html.text(s).strip()).orElse("");
    String updated =
        Json.string(Json.get(root, "public_updated_at", file, "$"), file, "$.public_updated_at");
    LocalDate issued;
    try {
      issued = OffsetDateTime.parse(updated).toLocalDate();
    } catch (DateTimeParseException e) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_DATE,
          file
              + ": public_updated_at '"
              + updated
              + "' is not an ISO date-time (expected e.g. 2025-10-30T16:35:18.000+00:00)");
    }
    String title = Json.findString(root, "title").orElse(name);
    return new AdvisoryReport(
        Government.UK,
        iso3,
        title,
        issued,
        "https://www.gov.uk" + basePath,
        wording,
        regions,
        text.toString(),
        change,
        file,
        sha256);
  }
}
