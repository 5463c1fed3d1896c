package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A government's travel advice for one country, as published: its own wording and codes, before any
 * normalisation.
 *
 * @param government who published it
 * @param countryIso3 the country advised on
 * @param title the advice's title as published
 * @param issued the date the government gives for the advice (updated, published, modified)
 * @param url where a reader can see it
 * @param wording the government's codes or words for the country as a whole, e.g. GOV.UK's {@code
 *     alert_status} values, "Level 4: Do Not Travel", the Auswärtiges Amt's flags that are true
 * @param regions advice about parts of the country
 * @param text the advice's text, without markup (for "leave now" language)
 * @param changeNote what the government says changed, or "" when it says nothing
 * @param sourceFile the snapshot file it was read from
 * @param sha256 that file's SHA-256
 */
public record AdvisoryReport(
    Government government,
    String countryIso3,
    String title,
    LocalDate issued,
    String url,
    List<String> wording,
    List<RegionNote> regions,
    String text,
    String changeNote,
    String sourceFile,
    String sha256) {
  public AdvisoryReport {
    requireNonNull(government, "government");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(title, "title");
    requireNonNull(issued, "issued");
    requireNonNull(url, "url");
    wording = List.copyOf(wording);
    regions = List.copyOf(regions);
    requireNonNull(text, "text");
    requireNonNull(changeNote, "changeNote");
    requireNonNull(sourceFile, "sourceFile");
    requireNonNull(sha256, "sha256");
  }
}
