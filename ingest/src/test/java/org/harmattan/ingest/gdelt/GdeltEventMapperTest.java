package org.harmattan.ingest.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.row.Header;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.SourceRow;
import org.junit.jupiter.api.Test;

class GdeltEventMapperTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final RowContext CONTEXT =
      new RowContext("20160728.export.CSV", "b".repeat(64), Instant.parse("2026-11-26T08:00:00Z"));

  /** A clean GDELT 1.0 row (invented values); tests override single columns. */
  private static Map<String, String> good() {
    Map<String, String> m = new HashMap<>();
    m.put("GLOBALEVENTID", "564200001");
    m.put("SQLDATE", "20160727");
    m.put("Actor1Code", "MLIMIL");
    m.put("Actor1Name", "MALI");
    m.put("Actor2Code", "REB");
    m.put("Actor2Name", "MILITANT");
    m.put("EventCode", "190");
    m.put("EventBaseCode", "190");
    m.put("EventRootCode", "19");
    m.put("Actor1Geo_Type", "4");
    m.put("Actor1Geo_CountryCode", "ML");
    m.put("ActionGeo_Type", "4");
    m.put("ActionGeo_FullName", "Nampala, Segou, Mali");
    m.put("ActionGeo_CountryCode", "ML");
    m.put("ActionGeo_Lat", "15.2833");
    m.put("ActionGeo_Long", "-5.55");
    m.put("DATEADDED", "20160728");
    m.put("SOURCEURL", "http://example.org/nampala");
    return m;
  }

  private static Map<String, String> with(String... columnValuePairs) {
    Map<String, String> m = good();
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      m.put(columnValuePairs[i], columnValuePairs[i + 1]);
    }
    return m;
  }

  private static MapResult<Event> map(GdeltVersion version, Map<String, String> values) {
    List<String> fields = new ArrayList<>();
    for (String column : version.columns()) {
      fields.add(values.getOrDefault(column, ""));
    }
    SourceRow row = new SourceRow(7, Header.of(version.columns()), fields);
    return new GdeltEventMapper(version, CONTEXT, TODAY).map(row);
  }

  private static Event mapped(Map<String, String> values) {
    MapResult<Event> r = map(GdeltVersion.V1, values);
    assertThat(r).isInstanceOf(MapResult.Mapped.class);
    return ((MapResult.Mapped<Event>) r).value();
  }

  private static List<Problem> problems(Map<String, String> values) {
    MapResult<Event> r = map(GdeltVersion.V1, values);
    assertThat(r).isInstanceOf(MapResult.Rejected.class);
    return ((MapResult.Rejected<Event>) r).problems();
  }

  private static List<String> codes(Map<String, String> values) {
    return problems(values).stream().map(Problem::code).toList();
  }

  @Test
  void mapsEveryFieldOfACleanRow() {
    Event e = mapped(good());
    assertThat(e.id()).isEqualTo("gdelt:564200001");
    assertThat(e.source()).isEqualTo(SourceSystem.GDELT);
    assertThat(e.machineCoded()).isTrue();
    assertThat(e.date()).isEqualTo(LocalDate.of(2016, 7, 27));
    assertThat(e.endDate()).isEqualTo(e.date());
    assertThat(e.datePrecision()).isEqualTo(DatePrecision.DAY);
    assertThat(e.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(e.sourceEventType()).isEqualTo("190");
    assertThat(e.sourceSubEventType()).isEqualTo("190");
    assertThat(e.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, "MALI", null),
            new EventActor(ActorRole.ACTOR_2, "MILITANT", null));
    assertThat(e.countryIso3()).isEqualTo("MLI");
    assertThat(e.location()).isEqualTo("Nampala, Segou, Mali");
    assertThat(e.latitude()).isEqualTo(15.2833);
    assertThat(e.longitude()).isEqualTo(-5.55);
    assertThat(e.geoPrecision()).isEqualTo(4);
    assertThat(e.fatalities()).isEqualTo(Fatalities.NONE);
    assertThat(e.notes()).isNull();
    assertThat(e.sourceNames()).isEqualTo("http://example.org/nampala");
    assertThat(e.provenance().sourceTimestamp()).isEqualTo(Instant.parse("2016-07-28T00:00:00Z"));
    assertThat(e.provenance().lineNumber()).isEqualTo(7);
  }

  @Test
  void theEventTypeComesFromTheCameoTable() {
    Event riot = mapped(with("EventRootCode", "14", "EventCode", "1451", "EventBaseCode", "145"));
    assertThat(riot.eventType()).isEqualTo(EventType.RIOTS);
    assertThat(riot.sourceEventType()).isEqualTo("1451");
    assertThat(riot.sourceSubEventType()).isEqualTo("145");
    assertThat(riot.civilianTargeting()).isFalse();
    Event massKilling = mapped(with("EventRootCode", "20", "EventCode", "202"));
    assertThat(massKilling.eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(massKilling.civilianTargeting()).isTrue();
    assertThat(mapped(with("EventRootCode", "01", "EventCode", "010")).eventType())
        .isEqualTo(EventType.OTHER);
  }

  @Test
  void badEventCodesAreProblems() {
    assertThat(codes(with("EventRootCode", "21"))).containsExactly("unknown_event_type");
    assertThat(codes(with("EventRootCode", ""))).containsExactly("missing_event_type");
    assertThat(codes(with("EventCode", ""))).containsExactly("missing_event_type");
  }

  @Test
  void actorNamesFallBackToCodesAndBlanksAreSkipped() {
    Event e =
        mapped(with("Actor1Name", "", "Actor1Code", "PSE", "Actor2Name", "", "Actor2Code", ""));
    assertThat(e.actors()).containsExactly(new EventActor(ActorRole.ACTOR_1, "PSE", null));
    assertThat(mapped(with("Actor1Name", "", "Actor1Code", "")).actors())
        .containsExactly(new EventActor(ActorRole.ACTOR_2, "MILITANT", null));
  }

  @Test
  void fipsCodesThatDifferFromIsoResolve() {
    assertThat(mapped(with("ActionGeo_CountryCode", "UV")).countryIso3()).isEqualTo("BFA");
    assertThat(mapped(with("ActionGeo_CountryCode", "NG")).countryIso3()).isEqualTo("NER");
    assertThat(mapped(with("ActionGeo_CountryCode", "NI")).countryIso3()).isEqualTo("NGA");
    assertThat(mapped(with("ActionGeo_CountryCode", "GZ")).countryIso3()).isEqualTo("PSE");
  }

  @Test
  void withoutActionGeographyTheCountryIsActor1sAndThereIsNoPoint() {
    Event e =
        mapped(
            with(
                "ActionGeo_Type", "0",
                "ActionGeo_FullName", "",
                "ActionGeo_CountryCode", "",
                "ActionGeo_Lat", "",
                "ActionGeo_Long", "",
                "Actor1Geo_CountryCode", "UV"));
    assertThat(e.countryIso3()).isEqualTo("BFA");
    assertThat(e.latitude()).isNull();
    assertThat(e.longitude()).isNull();
    assertThat(e.location()).isNull();
    assertThat(e.geoPrecision()).isNull();
  }

  @Test
  void anEventWithNoGeographyAtAllCannotBePlaced() {
    List<Problem> p =
        problems(
            with(
                "ActionGeo_Type", "0",
                "ActionGeo_FullName", "",
                "ActionGeo_CountryCode", "",
                "ActionGeo_Lat", "",
                "ActionGeo_Long", "",
                "Actor1Geo_Type", "0",
                "Actor1Geo_CountryCode", ""));
    assertThat(p).extracting(Problem::code).containsExactly("unknown_country");
    assertThat(p.get(0).column()).isEqualTo("ActionGeo_CountryCode");
    assertThat(p.get(0).message()).contains("did not place this event in any country");
  }

  @Test
  void anUnknownFipsCodeIsAProblemThatNamesIt() {
    List<Problem> p = problems(with("ActionGeo_CountryCode", "OS"));
    assertThat(p).extracting(Problem::code).containsExactly("unknown_country");
    assertThat(p.get(0).message()).startsWith("\"OS\" is not a known FIPS 10-4 country code");
  }

  @Test
  void coordinatesAreOptionalButCheckedWhenPresent() {
    Event noPoint = mapped(with("ActionGeo_Lat", "", "ActionGeo_Long", ""));
    assertThat(noPoint.latitude()).isNull();
    assertThat(codes(with("ActionGeo_Lat", "95.1"))).containsExactly("coordinates_out_of_range");
    assertThat(codes(with("ActionGeo_Long", ""))).containsExactly("missing_coordinates");
    // GDELT 1.0 back files write 0/0 with no place name for "no point".
    Event nullIsland =
        mapped(with("ActionGeo_Lat", "0", "ActionGeo_Long", "0", "ActionGeo_FullName", ""));
    assertThat(nullIsland.latitude()).isNull();
  }

  @Test
  void datesAndTimestampsFollowTheVersion() {
    assertThat(codes(with("SQLDATE", "2016-07-27"))).containsExactly("bad_date");
    assertThat(codes(with("SQLDATE", "20160231"))).containsExactly("bad_date");
    assertThat(codes(with("DATEADDED", "20160728154500"))).containsExactly("bad_timestamp");

    MapResult<Event> v2 = map(GdeltVersion.V2, with("DATEADDED", "20160728154500"));
    assertThat(v2).isInstanceOf(MapResult.Mapped.class);
    assertThat(((MapResult.Mapped<Event>) v2).value().provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("2016-07-28T15:45:00Z"));
    MapResult<Event> v2Bad = map(GdeltVersion.V2, with("DATEADDED", "20160728"));
    assertThat(v2Bad).isInstanceOf(MapResult.Rejected.class);
    assertThat(((MapResult.Rejected<Event>) v2Bad).problems())
        .extracting(Problem::message)
        .containsExactly(
            "\"20160728\" is not a timestamp (expected yyyymmddhhmmss for GDELT 2.0,"
                + " e.g. 20160728154500)");
  }

  @Test
  void aDayAddedBeforeGdeltOrAfterTheIngestIsImplausible() {
    // Year 9999 used to pass here and overflow the store's microseconds.
    assertThat(problems(with("DATEADDED", "99991231")))
        .extracting(Problem::code, Problem::column, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "implausible_timestamp",
                "DATEADDED",
                "\"99991231\" is outside the possible range (expected a time from"
                    + " 1979-01-01T00:00:00Z to 2026-11-29T00:00:00Z)"));
    assertThat(codes(with("DATEADDED", "19781231"))).containsExactly("implausible_timestamp");
    assertThat(mapped(with("DATEADDED", "20261129")).provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    MapResult<Event> v2 = map(GdeltVersion.V2, with("DATEADDED", "20261129000001"));
    assertThat(((MapResult.Rejected<Event>) v2).problems())
        .extracting(Problem::code)
        .containsExactly("implausible_timestamp");
  }

  @Test
  void aMissingIdIsAProblem() {
    assertThat(codes(with("GLOBALEVENTID", ""))).containsExactly("missing_event_id");
  }
}
