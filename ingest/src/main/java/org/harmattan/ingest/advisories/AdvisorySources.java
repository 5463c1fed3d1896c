package org.harmattan.ingest.advisories;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.domain.context.Government;

/**
 * The documented addresses of each government's advice. France's feed address could not be
 * confirmed, so France has no default and must be given one.
 */
public final class AdvisorySources {
  /** The State Department's feed of every country's advisory. */
  public static final URI STATE_DEPT_FEED =
      URI.create("https://travel.state.gov/_res/rss/TAsTWs.xml");

  /** The Auswärtiges Amt's list of travel warnings (flags, no content). */
  public static final URI AUSWAERTIGES_AMT_LIST =
      URI.create("https://www.auswaertiges-amt.de/opendata/travelwarning");

  private AdvisorySources() {}

  /**
   * The default address for {@code government}'s advice on a country, given the country's English
   * name, or empty when there is no documented address (France).
   */
  public static Optional<URI> findDefault(Government government, String countryName) {
    return switch (government) {
      case UK ->
          Optional.of(
              URI.create(
                  "https://www.gov.uk/api/content/foreign-travel-advice/"
                      + countryName
                          .strip()
                          .toLowerCase(Locale.ROOT)
                          .replaceAll("[^a-z0-9]+", "-")));
      case US -> Optional.of(STATE_DEPT_FEED);
      case DE -> Optional.of(AUSWAERTIGES_AMT_LIST);
      case FR -> Optional.empty();
    };
  }
}
