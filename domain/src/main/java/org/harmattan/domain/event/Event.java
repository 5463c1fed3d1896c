package org.harmattan.domain.event;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One conflict event in Harmattan's canonical model, whatever source it came from.
 *
 * <p>The source's own vocabulary is kept beside the canonical one ({@code sourceEventType} next to
 * {@code eventType}) so that mapping decisions stay visible and reversible.
 *
 * @param id stable id: lower-case source, colon, source event id ({@code acled:MLI2665})
 * @param source the coding organisation
 * @param sourceEventId the source's id ({@code event_id_cnty}, UCDP {@code id}, GDELT {@code
 *     GLOBALEVENTID})
 * @param date the event date (UCDP: date_start)
 * @param endDate the last possible date (UCDP: date_end); equals {@code date} for single-day events
 * @param datePrecision how exactly the date is known
 * @param eventType canonical type
 * @param subEventType canonical ACLED sub-event type, or null when the source cannot tell
 * @param sourceEventType the source's own type value, verbatim
 * @param sourceSubEventType the source's own sub-type value, verbatim, or null
 * @param disorderType ACLED disorder_type, or null
 * @param actors the actors with their roles, in source order
 * @param interaction ACLED interaction code, or null
 * @param civilianTargeting whether civilians were the target
 * @param countryIso3 ISO 3166-1 alpha-3 country code
 * @param admin1 first-level admin name, or null
 * @param admin2 second-level admin name, or null
 * @param admin3 third-level admin name, or null
 * @param location place name, or null
 * @param latitude WGS84 latitude, or null when the source gives no point
 * @param longitude WGS84 longitude, or null when the source gives no point
 * @param geoPrecision the source's geo precision code, or null
 * @param fatalities reported deaths
 * @param notes the source's narrative, or null
 * @param sourceNames the news sources the event was coded from, or null
 * @param sourceScale ACLED source_scale, or null
 * @param tags ACLED tags, split on semicolons
 * @param provenance file, line and timestamps of the record
 * @param flags what Harmattan noticed about the record ({@link EventFlag}), in the flags' order;
 *     derived from the other values when the event is read, never changing them
 */
public record Event(
    String id,
    SourceSystem source,
    String sourceEventId,
    LocalDate date,
    LocalDate endDate,
    DatePrecision datePrecision,
    EventType eventType,
    String subEventType,
    String sourceEventType,
    String sourceSubEventType,
    String disorderType,
    List<EventActor> actors,
    Integer interaction,
    boolean civilianTargeting,
    String countryIso3,
    String admin1,
    String admin2,
    String admin3,
    String location,
    Double latitude,
    Double longitude,
    Integer geoPrecision,
    Fatalities fatalities,
    String notes,
    String sourceNames,
    String sourceScale,
    List<String> tags,
    Provenance provenance,
    Set<EventFlag> flags) {

  public Event {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(sourceEventId, "sourceEventId");
    requireNonNull(date, "date");
    requireNonNull(endDate, "endDate");
    requireNonNull(datePrecision, "datePrecision");
    requireNonNull(eventType, "eventType");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(fatalities, "fatalities");
    requireNonNull(provenance, "provenance");
    actors = List.copyOf(actors);
    tags = List.copyOf(tags);
    flags = flagSet(flags);
    if (sourceEventId.isBlank()) {
      throw new IllegalArgumentException("sourceEventId must not be blank");
    }
    if (!id.equals(idFor(source, sourceEventId))) {
      throw new IllegalArgumentException("id must be " + idFor(source, sourceEventId));
    }
    if (endDate.isBefore(date)) {
      throw new IllegalArgumentException("endDate " + endDate + " is before date " + date);
    }
    if (!isIso3(countryIso3)) {
      throw new IllegalArgumentException("countryIso3 must be three capitals: " + countryIso3);
    }
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("latitude and longitude come together or not at all");
    }
    if (latitude != null && (latitude < -90 || latitude > 90)) {
      throw new IllegalArgumentException("latitude out of range: " + latitude);
    }
    if (longitude != null && (longitude < -180 || longitude > 180)) {
      throw new IllegalArgumentException("longitude out of range: " + longitude);
    }
  }

  /** The flags as an unmodifiable set iterated in the flags' order. */
  private static Set<EventFlag> flagSet(Collection<EventFlag> flags) {
    requireNonNull(flags, "flags");
    if (flags.isEmpty()) {
      return Set.of();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  private static boolean isIso3(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** The stable id of an event: {@code acled:MLI2665}. */
  public static String idFor(SourceSystem source, String sourceEventId) {
    return source.name().toLowerCase(Locale.ROOT) + ":" + sourceEventId;
  }

  /** Whether software, not people, coded this event (GDELT). */
  public boolean machineCoded() {
    return source.machineCoded();
  }

  /** The first actor with {@code role}, if any. */
  public Optional<EventActor> findActor(ActorRole role) {
    return actors.stream().filter(a -> a.role() == role).findFirst();
  }

  /** All actors with {@code role}, in source order. */
  public List<EventActor> listActors(ActorRole role) {
    return actors.stream().filter(a -> a.role() == role).toList();
  }

  /** Whether this event carries {@code flag}. */
  public boolean hasFlag(EventFlag flag) {
    return flags.contains(flag);
  }

  /** A copy of this event that also carries {@code flag}; this event when it already does. */
  public Event withFlag(EventFlag flag) {
    requireNonNull(flag, "flag");
    return hasFlag(flag) ? this : toBuilder().flag(flag).build();
  }

  public static Builder builder(SourceSystem source, String sourceEventId) {
    return new Builder(source, sourceEventId);
  }

  /** A copy of this event with another actor list (used to merge monadic rows). */
  public Event withActors(List<EventActor> newActors) {
    return toBuilder().actors(newActors).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder(source, sourceEventId);
    b.date = date;
    b.endDate = endDate;
    b.datePrecision = datePrecision;
    b.eventType = eventType;
    b.subEventType = subEventType;
    b.sourceEventType = sourceEventType;
    b.sourceSubEventType = sourceSubEventType;
    b.disorderType = disorderType;
    b.actors = new ArrayList<>(actors);
    b.interaction = interaction;
    b.civilianTargeting = civilianTargeting;
    b.countryIso3 = countryIso3;
    b.admin1 = admin1;
    b.admin2 = admin2;
    b.admin3 = admin3;
    b.location = location;
    b.latitude = latitude;
    b.longitude = longitude;
    b.geoPrecision = geoPrecision;
    b.fatalities = fatalities;
    b.notes = notes;
    b.sourceNames = sourceNames;
    b.sourceScale = sourceScale;
    b.tags = new ArrayList<>(tags);
    b.provenance = provenance;
    b.flags = EnumSet.noneOf(EventFlag.class);
    b.flags.addAll(flags);
    return b;
  }

  /** Builds an {@link Event}; the record's constructor validates. */
  public static final class Builder {
    private final SourceSystem source;
    private final String sourceEventId;
    private LocalDate date;
    private LocalDate endDate;
    private DatePrecision datePrecision = DatePrecision.DAY;
    private EventType eventType;
    private String subEventType;
    private String sourceEventType;
    private String sourceSubEventType;
    private String disorderType;
    private List<EventActor> actors = new ArrayList<>();
    private Integer interaction;
    private boolean civilianTargeting;
    private String countryIso3;
    private String admin1;
    private String admin2;
    private String admin3;
    private String location;
    private Double latitude;
    private Double longitude;
    private Integer geoPrecision;
    private Fatalities fatalities = Fatalities.NONE;
    private String notes;
    private String sourceNames;
    private String sourceScale;
    private List<String> tags = new ArrayList<>();
    private Provenance provenance;
    private EnumSet<EventFlag> flags = EnumSet.noneOf(EventFlag.class);

    private Builder(SourceSystem source, String sourceEventId) {
      this.source = requireNonNull(source, "source");
      this.sourceEventId = requireNonNull(sourceEventId, "sourceEventId");
    }

    public Builder date(LocalDate value) {
      this.date = value;
      return this;
    }

    public Builder endDate(LocalDate value) {
      this.endDate = value;
      return this;
    }

    public Builder datePrecision(DatePrecision value) {
      this.datePrecision = value;
      return this;
    }

    public Builder eventType(EventType value) {
      this.eventType = value;
      return this;
    }

    public Builder subEventType(String value) {
      this.subEventType = value;
      return this;
    }

    public Builder sourceEventType(String value) {
      this.sourceEventType = value;
      return this;
    }

    public Builder sourceSubEventType(String value) {
      this.sourceSubEventType = value;
      return this;
    }

    public Builder disorderType(String value) {
      this.disorderType = value;
      return this;
    }

    public Builder actors(List<EventActor> value) {
      this.actors = new ArrayList<>(value);
      return this;
    }

    public Builder actor(ActorRole role, String name, Integer interCode) {
      this.actors.add(new EventActor(role, name, interCode));
      return this;
    }

    public Builder interaction(Integer value) {
      this.interaction = value;
      return this;
    }

    public Builder civilianTargeting(boolean value) {
      this.civilianTargeting = value;
      return this;
    }

    public Builder countryIso3(String value) {
      this.countryIso3 = value;
      return this;
    }

    public Builder admin1(String value) {
      this.admin1 = value;
      return this;
    }

    public Builder admin2(String value) {
      this.admin2 = value;
      return this;
    }

    public Builder admin3(String value) {
      this.admin3 = value;
      return this;
    }

    public Builder location(String value) {
      this.location = value;
      return this;
    }

    public Builder point(Double lat, Double lon) {
      this.latitude = lat;
      this.longitude = lon;
      return this;
    }

    public Builder geoPrecision(Integer value) {
      this.geoPrecision = value;
      return this;
    }

    public Builder fatalities(Fatalities value) {
      this.fatalities = value;
      return this;
    }

    public Builder notes(String value) {
      this.notes = value;
      return this;
    }

    public Builder sourceNames(String value) {
      this.sourceNames = value;
      return this;
    }

    public Builder sourceScale(String value) {
      this.sourceScale = value;
      return this;
    }

    public Builder tags(List<String> value) {
      this.tags = new ArrayList<>(value);
      return this;
    }

    public Builder provenance(Provenance value) {
      this.provenance = value;
      return this;
    }

    /** Replaces the flags. */
    public Builder flags(Collection<EventFlag> value) {
      this.flags = EnumSet.noneOf(EventFlag.class);
      this.flags.addAll(value);
      return this;
    }

    /** Adds a flag. */
    public Builder flag(EventFlag value) {
      this.flags.add(requireNonNull(value, "flag"));
      return this;
    }

    public Event build() {
      return new Event(
          idFor(source, sourceEventId),
          source,
          sourceEventId,
          date,
          endDate == null ? date : endDate,
          datePrecision,
          eventType,
          subEventType,
          sourceEventType,
          sourceSubEventType,
          disorderType,
          actors,
          interaction,
          civilianTargeting,
          countryIso3,
          admin1,
          admin2,
          admin3,
          location,
          latitude,
          longitude,
          geoPrecision,
          fatalities,
          notes,
          sourceNames,
          sourceScale,
          tags,
          provenance,
          flags);
    }
  }
}
