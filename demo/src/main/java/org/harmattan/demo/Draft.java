package org.harmattan.demo;

import static org.harmattan.demo.ScenarioActor.CIVILIANS;
import static org.harmattan.demo.SyntheticScenario.BATTLES;
import static org.harmattan.demo.SyntheticScenario.EXPLOSIONS;
import static org.harmattan.demo.SyntheticScenario.ISO_NUMERIC_MALI;
import static org.harmattan.demo.SyntheticScenario.PROTESTS;
import static org.harmattan.demo.SyntheticScenario.RIOTS;
import static org.harmattan.demo.SyntheticScenario.SOURCE;
import static org.harmattan.demo.SyntheticScenario.STRATEGIC;
import static org.harmattan.demo.SyntheticScenario.SYNTHETIC_TAG;
import static org.harmattan.demo.SyntheticScenario.VAC;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** One event of the scenario before it gets its id ({@link SyntheticScenario}). */
final class Draft {
  final LocalDate date;
  final Place place;
  final String eventType;
  final String subEventType;
  int timePrecision = 1;
  String actor1 = "";
  String assoc1 = "";
  Integer inter1;
  String actor2 = "";
  String assoc2 = "";
  Integer inter2;
  int geoPrecision = 1;
  double latitude;
  double longitude;
  String notes = "";
  int fatalities;
  String extraTag = "";

  Draft(LocalDate date, Place place, String eventType, String subEventType) {
    this.date = date;
    this.place = place;
    this.eventType = eventType;
    this.subEventType = subEventType;
  }

  String disorderType() {
    return switch (eventType) {
      case BATTLES, EXPLOSIONS, VAC -> "Political violence";
      case PROTESTS ->
          subEventType.equals("Excessive force against protesters")
              ? "Political violence; Demonstrations"
              : "Demonstrations";
      case RIOTS -> subEventType.equals("Mob violence") ? "Political violence" : "Demonstrations";
      case STRATEGIC -> "Strategic developments";
      default -> throw new IllegalStateException("unknown event type " + eventType);
    };
  }

  /** ACLED's rule: violence against civilians, or political violence whose target is civilians. */
  String civilianTargeting() {
    boolean targeted =
        eventType.equals(VAC)
            || (disorderType().startsWith("Political violence")
                && inter2 != null
                && inter2 == CIVILIANS.inter());
    return targeted ? "Civilian targeting" : "";
  }

  /** ACLED's interaction code: the two inter codes, smaller first, or inter1 * 10 alone. */
  String interaction() {
    if (inter2 == null) {
      return String.valueOf(inter1 * 10);
    }
    return String.valueOf(Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2));
  }

  List<String> toFields(String id, long timestamp) {
    String tags = extraTag.isEmpty() ? SYNTHETIC_TAG : extraTag + "; " + SYNTHETIC_TAG;
    return List.of(
        id,
        date.toString(),
        String.valueOf(date.getYear()),
        String.valueOf(timePrecision),
        disorderType(),
        eventType,
        subEventType,
        actor1,
        assoc1,
        String.valueOf(inter1),
        actor2,
        assoc2,
        inter2 == null ? "" : String.valueOf(inter2),
        interaction(),
        civilianTargeting(),
        ISO_NUMERIC_MALI,
        "Western Africa",
        "Mali",
        place.admin1(),
        place.admin2(),
        place.admin3(),
        place.location(),
        coordinate(latitude),
        coordinate(longitude),
        String.valueOf(geoPrecision),
        SOURCE,
        "Other",
        notes,
        String.valueOf(fatalities),
        tags,
        String.valueOf(timestamp));
  }

  private static String coordinate(double degrees) {
    return String.format(Locale.ROOT, "%.4f", degrees);
  }
}
