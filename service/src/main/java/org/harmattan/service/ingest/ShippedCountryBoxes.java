package org.harmattan.service.ingest;

import java.util.HashMap;
import java.util.Map;
import org.harmattan.ingest.CountryBoxes;
import org.harmattan.ingest.common.Countries;
import org.harmattan.reference.geo.AdminArea;
import org.harmattan.reference.geo.GeoBounds;
import org.harmattan.reference.geo.ReferenceGeography;

/** The countries' boxes from the shipped world outlines (world-atlas), built once. */
final class ShippedCountryBoxes {
  private static final CountryBoxes BOXES = build();

  private ShippedCountryBoxes() {}

  static CountryBoxes get() {
    return BOXES;
  }

  private static CountryBoxes build() {
    Map<String, CountryBoxes.Box> boxes = new HashMap<>();
    for (AdminArea country : ReferenceGeography.listWorldCountries()) {
      int numeric;
      try {
        numeric = Integer.parseInt(country.id());
      } catch (NumberFormatException e) {
        // world-atlas gives a few territories no numeric code (Kosovo, Somaliland): unchecked.
        continue;
      }
      Countries.get()
          .findIso3ByNumeric(numeric)
          .ifPresent(
              iso3 -> {
                GeoBounds b = country.bounds();
                boxes.put(iso3, new CountryBoxes.Box(b.west(), b.south(), b.east(), b.north()));
              });
    }
    return CountryBoxes.of(boxes);
  }
}
