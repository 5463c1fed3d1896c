package org.harmattan.ingest.acled;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.RowFields;
import org.harmattan.ingest.row.RowFields.DateLayout;
import org.harmattan.ingest.row.SourceRow;

/**
 * Maps ACLED rows of every {@link AcledVariant} to canonical events.
 *
 * <p>Columns are looked up without regard to case, so one mapper serves the 2016 upper-case schema,
 * the 2019 export, the current export/API schema and HDX's HXL-tagged copy; the variant only
 * decides which date layouts come first. The event taxonomy is recognised per row, by value:
 * pre-2019 types ({@code Battle-No change of territory}, {@code Riots/Protests}, …) are mapped to
 * the current six, and the source's own words are kept verbatim beside them.
 */
public final class AcledEventMapper implements EventRowMapper {

  /** A pre-2019 event type and what it becomes in the current taxonomy. */
  private record OldType(EventType type, String subEventType) {}

  /** Keys are {@link #normaliseType} forms. {@code Riots/Protests} is split per row instead. */
  private static final Map<String, OldType> OLD_TYPES =
      Map.of(
          "battle-no change of territory", new OldType(EventType.BATTLES, "Armed clash"),
          "battle-non-state actor overtakes territory",
              new OldType(EventType.BATTLES, "Non-state actor overtakes territory"),
          "battle-government regains territory",
              new OldType(EventType.BATTLES, "Government regains territory"),
          "remote violence", new OldType(EventType.EXPLOSIONS_REMOTE_VIOLENCE, null),
          "violence against civilians", new OldType(EventType.VIOLENCE_AGAINST_CIVILIANS, null),
          "strategic development", new OldType(EventType.STRATEGIC_DEVELOPMENTS, null),
          "headquarters or base established",
              new OldType(EventType.STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
          "non-violent transfer of territory",
              new OldType(EventType.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"));

  private static final String RIOTS_PROTESTS = "riots/protests";

  private static final String EXPECTED_TYPES =
      "one of Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots,"
          + " Strategic developments, or before 2019: Battle-No change of territory,"
          + " Battle-Non-state actor overtakes territory, Battle-Government regains territory,"
          + " Remote violence, Riots/Protests, Strategic development,"
          + " Headquarters or base established, Non-violent transfer of territory";

  /** ACLED's inter codes as the newer API spells them out. */
  private static final Map<String, Integer> INTER_NAMES =
      Map.of(
          "state forces", 1,
          "rebel group", 2,
          "political militia", 3,
          "identity militia", 4,
          "rioters", 5,
          "protesters", 6,
          "civilians", 7,
          "external/other forces", 8);

  private static final int INTER_RIOTERS = 5;
  private static final int INTER_PROTESTERS = 6;
  private static final int INTER_CIVILIANS = 7;

  /** ACLED's coverage begins in 1997: no row can have been revised before. */
  private static final Instant EARLIEST_TIMESTAMP = Instant.parse("1997-01-01T00:00:00Z");

  private final AcledVariant variant;
  private final RowContext context;
  private final LocalDate today;
  private final List<DateLayout> dateLayouts;
  private final Instant latestTimestamp;

  public AcledEventMapper(AcledVariant variant, RowContext context, LocalDate today) {
    this.variant = requireNonNull(variant, "variant");
    this.context = requireNonNull(context, "context");
    this.today = requireNonNull(today, "today");
    this.latestTimestamp = RowFields.latestTimestamp(today, context.ingestedAt());
    this.dateLayouts =
        switch (variant) {
          case CURRENT, HDX_HXL -> List.of(RowFields.ISO, RowFields.DAY_MONTH_NAME_YEAR);
          case EXPORT_2019 -> List.of(RowFields.DAY_MONTH_NAME_YEAR, RowFields.ISO);
          case SCHEMA_2016 -> List.of(RowFields.DAY_SLASH_MONTH_YEAR);
        };
  }

  public AcledVariant variant() {
    return variant;
  }

  /** Columns every ACLED layout has and no row maps without (read by {@link #map}). */
  private static final List<List<String>> REQUIRED_COLUMNS =
      List.of(
          List.of("event_id_cnty"),
          List.of("event_date"),
          List.of("event_type"),
          List.of("actor1"),
          List.of("latitude"),
          List.of("longitude"),
          List.of("fatalities"));

  @Override
  public List<List<String>> requiredColumns() {
    return REQUIRED_COLUMNS;
  }

  @Override
  public MapResult<Event> map(SourceRow row) {
    RowFields f = new RowFields(row);
    String eventId =
        f.requiredText(
            "event_id_cnty", ProblemCode.MISSING_EVENT_ID, "ACLED's event id, e.g. MLI2665");
    LocalDate date = f.date("event_date", dateLayouts, today);
    DatePrecision precision = datePrecision(f);

    String actor1 =
        f.requiredText("actor1", ProblemCode.MISSING_ACTOR, "the name of the first actor");
    Integer inter1 = interCode(f, "inter1");
    String actor2 = f.text("actor2");
    Integer inter2 = interCode(f, "inter2");
    List<EventActor> actors = new ArrayList<>();
    if (actor1 != null) {
      actors.add(new EventActor(ActorRole.ACTOR_1, actor1, inter1));
    }
    addAll(actors, ActorRole.ASSOCIATED_1, f.text("assoc_actor_1", "ally_actor_1"));
    if (actor2 != null) {
      actors.add(new EventActor(ActorRole.ACTOR_2, actor2, inter2));
    }
    addAll(actors, ActorRole.ASSOCIATED_2, f.text("assoc_actor_2", "ally_actor_2"));

    int fatalities = f.fatalities("fatalities");
    String sourceType = f.text("event_type");
    String sourceSubType = f.text("sub_event_type");
    Classified classified = classify(f, sourceType, sourceSubType, inter1, actors, fatalities);

    String country = countryIso3(f);
    Double latitude = f.latitude("latitude");
    Double longitude = f.longitude("longitude");
    Integer geoPrecision = f.optionalInt("geo_precision", 1, 3);
    Instant timestamp = f.optionalEpochSeconds("timestamp", EARLIEST_TIMESTAMP, latestTimestamp);

    if (f.hasProblems()) {
      return MapResult.rejected(f.problems());
    }
    EventType type = classified.type();
    return EventRowMapper.buildOrReject(
        () ->
            Event.builder(SourceSystem.ACLED, eventId)
                .date(date)
                .datePrecision(precision)
                .eventType(type)
                .subEventType(classified.subEventType())
                .sourceEventType(sourceType)
                .sourceSubEventType(sourceSubType)
                .disorderType(f.text("disorder_type"))
                .actors(actors)
                .interaction(interaction(f))
                .civilianTargeting(civilianTargeting(f, type, actors))
                .countryIso3(country)
                .admin1(f.text("admin1"))
                .admin2(f.text("admin2"))
                .admin3(f.text("admin3"))
                .location(f.text("location"))
                .point(latitude, longitude)
                .geoPrecision(geoPrecision)
                .fatalities(Fatalities.exactly(fatalities))
                .notes(f.text("notes"))
                .sourceNames(f.text("source"))
                .sourceScale(f.text("source_scale"))
                .tags(split(f.text("tags")))
                .provenance(context.provenance(row.lineNumber(), timestamp))
                .build());
  }

  private static DatePrecision datePrecision(RowFields f) {
    String v = f.text("time_precision");
    if (v == null) {
      return DatePrecision.DAY;
    }
    return switch (v) {
      case "1" -> DatePrecision.DAY;
      case "2" -> DatePrecision.WEEK;
      case "3" -> DatePrecision.MONTH;
      default -> {
        f.addProblem(
            ProblemCode.BAD_TIME_PRECISION,
            "time_precision",
            RowFields.quote(v) + " is not a time precision (expected 1 day, 2 week or 3 month)");
        yield DatePrecision.DAY;
      }
    };
  }

  /** An inter code 0..8, given as a number or, in newer API output, as its name. */
  private static Integer interCode(RowFields f, String column) {
    String v = f.text(column);
    if (v == null) {
      return null;
    }
    if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '8') {
      return v.charAt(0) - '0';
    }
    Integer byName = INTER_NAMES.get(v.toLowerCase(Locale.ROOT));
    if (byName != null) {
      return byName;
    }
    f.addProblem(
        ProblemCode.BAD_INTER_CODE,
        column,
        RowFields.quote(v)
            + " is not an ACLED inter code (expected 0 to 8, or a name such as State forces,"
            + " Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians,"
            + " External/Other forces)");
    return null;
  }

  private static void addAll(List<EventActor> actors, ActorRole role, String names) {
    for (String name : split(names)) {
      actors.add(new EventActor(role, name, null));
    }
  }

  /** Splits ACLED's semicolon lists, trimming and skipping empty items. */
  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    int from = 0;
    while (from <= value.length()) {
      int semicolon = value.indexOf(';', from);
      int to = semicolon < 0 ? value.length() : semicolon;
      String p = value.substring(from, to).strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
      from = to + 1;
    }
    return out;
  }

  /** A canonical type and sub-type; the type is null when the row is rejected. */
  private record Classified(EventType type, String subEventType) {}

  private static Classified classify(
      RowFields f,
      String sourceType,
      String sourceSubType,
      Integer inter1,
      List<EventActor> actors,
      int fatalities) {
    if (sourceType == null) {
      f.addProblem(
          ProblemCode.UNKNOWN_EVENT_TYPE,
          "event_type",
          "event_type is empty (expected " + EXPECTED_TYPES + ")");
      return new Classified(null, null);
    }
    Optional<EventType> current = EventType.findByLabel(sourceType);
    if (current.isPresent() && current.get() != EventType.OTHER) {
      return new Classified(current.get(), sourceSubType);
    }
    String key = normaliseType(sourceType);
    OldType old = OLD_TYPES.get(key);
    if (old != null) {
      return new Classified(old.type(), old.subEventType());
    }
    if (RIOTS_PROTESTS.equals(key)) {
      return new Classified(riotsOrProtests(inter1, actors, fatalities), null);
    }
    f.addProblem(
        ProblemCode.UNKNOWN_EVENT_TYPE,
        "event_type",
        RowFields.quote(sourceType)
            + " is not an ACLED event type (expected "
            + EXPECTED_TYPES
            + ")");
    return new Classified(null, null);
  }

  /**
   * Splits the pre-2019 {@code Riots/Protests}: by actor 1's inter code (5 rioters, 6 protesters),
   * else by an actor named "Rioters (…)" or "Protesters (…)", else by whether anyone died, since
   * ACLED defines a protest as non-violent.
   */
  private static EventType riotsOrProtests(
      Integer inter1, List<EventActor> actors, int fatalities) {
    if (inter1 != null && inter1 == INTER_RIOTERS) {
      return EventType.RIOTS;
    }
    if (inter1 != null && inter1 == INTER_PROTESTERS) {
      return EventType.PROTESTS;
    }
    for (EventActor a : actors) {
      if (a.role() != ActorRole.ACTOR_1 && a.role() != ActorRole.ACTOR_2) {
        continue;
      }
      String name = a.name().toLowerCase(Locale.ROOT);
      if (name.startsWith("rioters")) {
        return EventType.RIOTS;
      }
      if (name.startsWith("protesters")) {
        return EventType.PROTESTS;
      }
    }
    return fatalities > 0 ? EventType.RIOTS : EventType.PROTESTS;
  }

  /** Lower case, single spaces, no spaces around '-' and '/': "Battle - No change…" matches. */
  static String normaliseType(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        char last = sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
        if (last != ' ' && last != '-' && last != '/') {
          sb.append(' ');
        }
      } else {
        if ((c == '-' || c == '/') && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
          sb.setLength(sb.length() - 1);
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isDigits(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetters(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  private static Integer interaction(RowFields f) {
    String v = f.text("interaction");
    // Newer API output spells the interaction out ("State forces-Civilians"); we keep codes only.
    return v != null && v.length() <= 4 && isDigits(v) ? Integer.valueOf(v) : null;
  }

  /**
   * Files since 2022 say it in civilian_targeting ("Civilian targeting" or empty). Older files do
   * not, so we derive it the way ACLED defines it: violence against civilians, or any event whose
   * second actor is civilians (inter code 7), e.g. shelling that hits civilians.
   */
  private static boolean civilianTargeting(RowFields f, EventType type, List<EventActor> actors) {
    if (f.row().header().has("civilian_targeting")) {
      String v = f.text("civilian_targeting");
      return v != null && v.equalsIgnoreCase("Civilian targeting");
    }
    if (type == EventType.VIOLENCE_AGAINST_CIVILIANS) {
      return true;
    }
    for (EventActor a : actors) {
      if (a.role() == ActorRole.ACTOR_2
          && a.interCode() != null
          && a.interCode() == INTER_CIVILIANS) {
        return true;
      }
    }
    return false;
  }

  /** iso3 if present, else the numeric iso, else the country name (2016 has only the name). */
  private static String countryIso3(RowFields f) {
    Countries countries = Countries.get();
    String iso3 = f.text("iso3");
    if (iso3 != null && iso3.length() == 3 && isLetters(iso3)) {
      String upper = iso3.toUpperCase(Locale.ROOT);
      if (countries.isIso3(upper)) {
        return upper;
      }
    }
    String iso = f.text("iso");
    if (iso != null && iso.length() <= 3 && isDigits(iso)) {
      Optional<String> byNumber = countries.findIso3ByNumeric(Integer.parseInt(iso));
      if (byNumber.isPresent()) {
        return byNumber.get();
      }
    }
    String name = f.text("country");
    if (name != null) {
      Optional<String> byName = countries.findIso3ByName(name);
      if (byName.isPresent()) {
        return byName.get();
      }
    }
    f.addProblem(
        ProblemCode.UNKNOWN_COUNTRY,
        "country",
        "country "
            + (name == null ? "(empty)" : "\"" + name + "\"")
            + (iso == null ? "" : " (iso " + iso + ")")
            + (iso3 == null ? "" : " (iso3 " + iso3 + ")")
            + " is not a known country (expected an ISO 3166 name or code)");
    return null;
  }
}
