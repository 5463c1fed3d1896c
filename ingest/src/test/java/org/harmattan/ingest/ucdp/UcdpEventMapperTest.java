package org.harmattan.ingest.ucdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UcdpEventMapperTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final RowContext CONTEXT =
      new RowContext("ged.csv", "a".repeat(64), Instant.parse("2026-11-26T08:00:00Z"));

  /** A clean GED v23.1 row (invented values); tests override single columns. */
  private static Map<String, String> good() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", "244657");
    m.put("relid", "MLI-2017-1-11347-12");
    m.put("year", "2017");
    m.put("type_of_violence", "1");
    m.put("side_a", "Government of Mali");
    m.put("side_b", "JNIM");
    m.put("source_office", "Studio Tamani;AFP");
    m.put("source_headline", "Attaque contre le camp de Boni");
    m.put("where_prec", "2");
    m.put("where_coordinates", "Boni village");
    m.put("where_description", "near Boni");
    m.put("adm_1", "Mopti region");
    m.put("adm_2", "Douentza cercle");
    m.put("latitude", "15.0333");
    m.put("longitude", "-1.9667");
    m.put("country", "Mali");
    m.put("date_prec", "1");
    m.put("date_start", "2017-03-05 00:00:00.000");
    m.put("date_end", "2017-03-05 00:00:00.000");
    m.put("deaths_a", "3");
    m.put("deaths_b", "4");
    m.put("deaths_civilians", "0");
    m.put("deaths_unknown", "0");
    m.put("best", "7");
    m.put("high", "9");
    m.put("low", "6");
    return m;
  }

  private static MapResult<Event> map(Map<String, String> values) {
    return map(UcdpVariant.GED, values);
  }

  private static MapResult<Event> map(UcdpVariant variant, Map<String, String> values) {
    List<String> names = new ArrayList<>(values.keySet());
    List<String> fields = new ArrayList<>(values.values());
    SourceRow row = new SourceRow(12, Header.of(names), fields);
    return new UcdpEventMapper(variant, CONTEXT, TODAY).map(row);
  }

  private static Map<String, String> with(String... columnValuePairs) {
    Map<String, String> m = good();
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      m.put(columnValuePairs[i], columnValuePairs[i + 1]);
    }
    return m;
  }

  private static Event mapped(Map<String, String> values) {
    MapResult<Event> r = map(values);
    assertThat(r).isInstanceOf(MapResult.Mapped.class);
    return ((MapResult.Mapped<Event>) r).value();
  }

  private static List<Problem> problems(Map<String, String> values) {
    MapResult<Event> r = map(values);
    assertThat(r).isInstanceOf(MapResult.Rejected.class);
    return ((MapResult.Rejected<Event>) r).problems();
  }

  private static List<String> codes(Map<String, String> values) {
    return problems(values).stream().map(Problem::code).toList();
  }

  @Test
  void mapsEveryFieldOfACleanRow() {
    Event e = mapped(good());
    assertThat(e.id()).isEqualTo("ucdp:244657");
    assertThat(e.source()).isEqualTo(SourceSystem.UCDP);
    assertThat(e.machineCoded()).isFalse();
    assertThat(e.date()).isEqualTo(LocalDate.of(2017, 3, 5));
    assertThat(e.endDate()).isEqualTo(LocalDate.of(2017, 3, 5));
    assertThat(e.datePrecision()).isEqualTo(DatePrecision.DAY);
    assertThat(e.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(e.sourceEventType()).isEqualTo("1 state-based conflict");
    assertThat(e.subEventType()).isNull();
    assertThat(e.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, "Government of Mali", 1),
            new EventActor(ActorRole.ACTOR_2, "JNIM", null));
    assertThat(e.civilianTargeting()).isFalse();
    assertThat(e.countryIso3()).isEqualTo("MLI");
    assertThat(e.admin1()).isEqualTo("Mopti region");
    assertThat(e.admin2()).isEqualTo("Douentza cercle");
    assertThat(e.location()).isEqualTo("Boni village");
    assertThat(e.latitude()).isEqualTo(15.0333);
    assertThat(e.longitude()).isEqualTo(-1.9667);
    assertThat(e.geoPrecision()).isEqualTo(2);
    assertThat(e.fatalities()).isEqualTo(new Fatalities(7, 6, 9));
    assertThat(e.notes()).isEqualTo("Attaque contre le camp de Boni");
    assertThat(e.sourceNames()).isEqualTo("Studio Tamani;AFP");
    assertThat(e.provenance().lineNumber()).isEqualTo(12);
    assertThat(e.provenance().sourceTimestamp()).isNull();
    assertThat(e.provenance().dataset()).isEqualTo("ged.csv");
  }

  @ParameterizedTest
  @CsvSource({
    "1, BATTLES, 1 state-based conflict, false",
    "2, BATTLES, 2 non-state conflict, false",
    "3, VIOLENCE_AGAINST_CIVILIANS, 3 one-sided violence, true"
  })
  void typeOfViolenceMapsToTheCanonicalType(
      String code, EventType type, String sourceType, boolean civilians) {
    Event e = mapped(with("type_of_violence", code));
    assertThat(e.eventType()).isEqualTo(type);
    assertThat(e.sourceEventType()).isEqualTo(sourceType);
    assertThat(e.civilianTargeting()).isEqualTo(civilians);
  }

  @ParameterizedTest
  @CsvSource({"1, DAY", "2, WEEK", "3, WEEK", "4, MONTH", "5, YEAR"})
  void datePrecisionFollowsTheCodebook(String code, DatePrecision precision) {
    assertThat(mapped(with("date_prec", code)).datePrecision()).isEqualTo(precision);
  }

  @Test
  void datesMayComeWithOrWithoutATimePart() {
    Event e = mapped(with("date_start", "2017-03-01", "date_end", "2017-03-07 00:00:00.000"));
    assertThat(e.date()).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(e.endDate()).isEqualTo(LocalDate.of(2017, 3, 7));
  }

  @Test
  void datesConvertedFromGedGeoJsonAreRead() {
    Event e = mapped(with("date_start", "2009/02/20 00:00:00", "date_end", "2009/02/21 00:00:00"));
    assertThat(e.date()).isEqualTo(LocalDate.of(2009, 2, 20));
    assertThat(e.endDate()).isEqualTo(LocalDate.of(2009, 2, 21));
  }

  @Test
  void aMissingEndDateMeansASingleDay() {
    assertThat(mapped(with("date_end", "")).endDate()).isEqualTo(LocalDate.of(2017, 3, 5));
  }

  @Test
  void interCodesComeFromTheSideNames() {
    Event e = mapped(with("type_of_violence", "3", "side_a", "JNIM", "side_b", "Civilians"));
    assertThat(e.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, "JNIM", null),
            new EventActor(ActorRole.ACTOR_2, "Civilians", 7));
    Event interstate =
        mapped(with("side_a", "Government of Mali", "side_b", "Government of Burkina Faso"));
    assertThat(interstate.actors()).extracting(EventActor::interCode).containsExactly(1, 1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Myanmar (Burma)|MMR",
        "DR Congo (Zaire)|COD",
        "Yemen (North Yemen)|YEM",
        "Cambodia (Kampuchea)|KHM",
        "Russia (Soviet Union)|RUS",
        "Serbia (Yugoslavia)|SRB",
        "Zimbabwe (Rhodesia)|ZWE",
        "Madagascar (Malagasy)|MDG",
        "Bosnia-Herzegovina|BIH",
        "Ivory Coast|CIV",
        "Kingdom of eSwatini (Swaziland)|SWZ",
        "Macedonia, FYR|MKD",
        "Turkey|TUR",
        "Mali|MLI"
      })
  void ucdpCountryNamesResolve(String name, String iso3) {
    assertThat(mapped(with("country", name)).countryIso3()).isEqualTo(iso3);
  }

  @Test
  void theIso3ColumnWinsOverTheName() {
    MapResult<Event> r = map(UcdpVariant.HDX_HXL, with("iso3", "BGD", "country", "Mali"));
    assertThat(r).isInstanceOf(MapResult.Mapped.class);
    assertThat(((MapResult.Mapped<Event>) r).value().countryIso3()).isEqualTo("BGD");
  }

  @Test
  void anUnknownCountryIsAProblemThatNamesTheValue() {
    List<Problem> p = problems(with("country", "Atlantis"));
    assertThat(p).extracting(Problem::code).containsExactly("unknown_country");
    assertThat(p.get(0).column()).isEqualTo("country");
    assertThat(p.get(0).message()).contains("\"Atlantis\"").contains("countries.tsv");
    assertThat(codes(with("iso3", "XYZ"))).containsExactly("unknown_country");
  }

  @Test
  void aMissingIdIsAProblem() {
    assertThat(codes(with("id", ""))).containsExactly("missing_event_id");
  }

  @Test
  void fatalitiesMustBeCounts() {
    assertThat(codes(with("best", "many"))).containsExactly("bad_fatalities");
    assertThat(codes(with("low", "-1"))).containsExactly("bad_fatalities");
    assertThat(codes(with("high", "NA"))).containsExactly("bad_fatalities");
  }

  @Test
  void boundsThatExcludeBestAreWidenedWhenTheDeathCountsConfirmBest() {
    // As in GED v19.1 event 71645: low 0, best 10, high 4, deaths_unknown 10.
    Event e =
        mapped(
            with(
                "low",
                "0",
                "best",
                "10",
                "high",
                "4",
                "deaths_a",
                "0",
                "deaths_b",
                "0",
                "deaths_unknown",
                "10"));
    assertThat(e.fatalities()).isEqualTo(new Fatalities(10, 0, 10));
    // As in GED v23.1 event 464847: low 334, best 333, high 333.
    Event low =
        mapped(
            with(
                "low",
                "334",
                "best",
                "333",
                "high",
                "333",
                "deaths_a",
                "0",
                "deaths_b",
                "0",
                "deaths_unknown",
                "333"));
    assertThat(low.fatalities()).isEqualTo(new Fatalities(333, 333, 333));
  }

  @Test
  void boundsThatExcludeBestAreRejectedWhenNothingConfirmsBest() {
    List<Problem> p = problems(with("low", "5", "best", "3", "high", "4"));
    assertThat(p).extracting(Problem::code).containsExactly("inconsistent_fatalities");
    assertThat(p.get(0).message()).contains("low 5, best 3, high 4").contains("(7)");
    Map<String, String> noBreakdown = with("low", "5", "best", "3", "high", "4");
    noBreakdown.remove("deaths_a");
    assertThat(problems(noBreakdown).get(0).message()).contains("missing");
  }

  @Test
  void coordinatesAreRequiredAndChecked() {
    assertThat(codes(with("latitude", ""))).containsExactly("missing_coordinates");
    assertThat(codes(with("longitude", "east"))).containsExactly("bad_coordinates");
    assertThat(codes(with("latitude", "91"))).containsExactly("coordinates_out_of_range");
  }

  @Test
  void geoPrecisionIsOneToSeven() {
    assertThat(mapped(with("where_prec", "7")).geoPrecision()).isEqualTo(7);
    assertThat(codes(with("where_prec", "8"))).containsExactly("out_of_range");
  }

  @Test
  void badDatesAreProblems() {
    assertThat(codes(with("date_start", "2017-02-30"))).containsExactly("bad_date");
    assertThat(codes(with("date_start", ""))).containsExactly("missing_date");
    assertThat(codes(with("date_end", "2017-03-01"))).containsExactly("bad_date_range");
    assertThat(codes(with("date_prec", "0"))).containsExactly("bad_date_precision");
    assertThat(codes(with("date_prec", ""))).containsExactly("missing_date_precision");
  }

  @Test
  void typeOfViolenceMustBeOneToThree() {
    assertThat(codes(with("type_of_violence", "4"))).containsExactly("unknown_event_type");
    assertThat(codes(with("type_of_violence", ""))).containsExactly("missing_event_type");
  }

  @Test
  void bothSidesAreRequired() {
    assertThat(codes(with("side_a", "NA"))).containsExactly("missing_actor");
  }

  @Test
  void everyProblemOfARowIsReportedAtOnce() {
    List<Problem> p =
        problems(
            with("id", "", "best", "x", "country", "Atlantis", "latitude", "", "date_prec", "9"));
    assertThat(p)
        .extracting(Problem::code)
        .containsExactlyInAnyOrder(
            "missing_event_id",
            "bad_fatalities",
            "unknown_country",
            "missing_coordinates",
            "bad_date_precision");
    assertThat(p).allSatisfy(problem -> assertThat(problem.column()).isNotEmpty());
  }

  @Test
  void notesFallBackToTheWhereDescription() {
    assertThat(mapped(with("source_headline", "NA")).notes()).isEqualTo("near Boni");
  }

  @Test
  void anEmptyAdminIsNull() {
    Event e = mapped(with("adm_1", "NA", "adm_2", ""));
    assertThat(e.admin1()).isNull();
    assertThat(e.admin2()).isNull();
  }
}
