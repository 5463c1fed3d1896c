package org.harmattan.ingest.acled;

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
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.row.Header;
import org.harmattan.ingest.row.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping rules of {@link AcledEventMapper}, one hand-made row at a time. */
class AcledEventMapperTest {

  /** A current-schema row (ACLED export since 2022), with invented but realistic values. */
  private static Map<String, String> currentRow() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("event_id_cnty", "MLI9001");
    r.put("event_date", "2022-03-14");
    r.put("year", "2022");
    r.put("time_precision", "1");
    r.put("disorder_type", "Political violence");
    r.put("event_type", "Battles");
    r.put("sub_event_type", "Armed clash");
    r.put("actor1", "Military Forces of Mali (2021-)");
    r.put("assoc_actor_1", "Wagner Group");
    r.put("inter1", "1");
    r.put("actor2", "JNIM: Group for Support of Islam and Muslims");
    r.put("assoc_actor_2", "");
    r.put("inter2", "2");
    r.put("interaction", "12");
    r.put("civilian_targeting", "");
    r.put("iso", "466");
    r.put("region", "Western Africa");
    r.put("country", "Mali");
    r.put("admin1", "Segou");
    r.put("admin2", "Niono");
    r.put("admin3", "Diabaly");
    r.put("location", "Diabaly");
    r.put("latitude", "14.6897");
    r.put("longitude", "-6.0117");
    r.put("geo_precision", "2");
    r.put("source", "Studio Tamani; FAMa");
    r.put("source_scale", "National");
    r.put("notes", "On 14 March 2022, FAMa clashed with JNIM militants near Diabaly.");
    r.put("fatalities", "4");
    r.put("tags", "");
    r.put("timestamp", "1647898213");
    return r;
  }

  /** A pre-2019 export row, as in AC0519's Mali file: no sub_event_type, iso3, word dates. */
  private static Map<String, String> export2019Row() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("data_id", "3100001");
    r.put("iso", "466");
    r.put("event_id_cnty", "MLI2401");
    r.put("event_id_no_cnty", "2401");
    r.put("event_date", "3 November 2018");
    r.put("year", "2018");
    r.put("time_precision", "1");
    r.put("event_type", "Battle-No change of territory");
    r.put("actor1", "Unidentified Armed Group (Mali)");
    r.put("assoc_actor_1", "");
    r.put("inter1", "3");
    r.put("actor2", "Military Forces of Mali (2013-)");
    r.put("assoc_actor_2", "");
    r.put("inter2", "1");
    r.put("interaction", "13");
    r.put("region", "Western Africa");
    r.put("country", "Mali");
    r.put("admin1", "Mopti");
    r.put("admin2", "Djenne");
    r.put("admin3", "");
    r.put("location", "Sofara");
    r.put("latitude", "14.0167");
    r.put("longitude", "-4.2333");
    r.put("geo_precision", "1");
    r.put("source", "Malijet");
    r.put("source_scale", "National");
    r.put("notes", "On 3 November, gunmen attacked a FAMa post in Sofara.");
    r.put("fatalities", "0");
    r.put("timestamp", "1541500000");
    r.put("iso3", "MLI");
    return r;
  }

  /** A 2016-schema row: upper-case names, ALLY_ACTOR_1, dd/mm/yyyy, no iso columns. */
  private static Map<String, String> schema2016Row() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("GWNO", "432");
    r.put("EVENT_ID_CNTY", "88MLI");
    r.put("EVENT_ID_NO_CNTY", "");
    r.put("EVENT_DATE", "14/02/2016");
    r.put("YEAR", "2016");
    r.put("TIME_PRECISION", "1");
    r.put("EVENT_TYPE", "Riots/Protests");
    r.put("ACTOR1", "Protesters (Mali)");
    r.put("ALLY_ACTOR_1", "Students (Mali); Teachers (Mali)");
    r.put("INTER1", "6");
    r.put("ACTOR2", "");
    r.put("ALLY_ACTOR_2", "");
    r.put("INTER2", "0");
    r.put("INTERACTION", "60");
    r.put("COUNTRY", "Mali");
    r.put("ADMIN1", "Bamako");
    r.put("ADMIN2", "Bamako");
    r.put("ADMIN3", "");
    r.put("LOCATION", "Bamako");
    r.put("LATITUDE", "12.65000");
    r.put("LONGITUDE", "-8.00000");
    r.put("GEO_PRECISION", "1");
    r.put("SOURCE", "L'Essor");
    r.put("NOTES", "Students marched to the ministry to demand unpaid grants.");
    r.put("FATALITIES", "0");
    return r;
  }

  private static SourceRow row(Map<String, String> values) {
    return new SourceRow(
        2, Header.of(new ArrayList<>(values.keySet())), new ArrayList<>(values.values()));
  }

  private static MapResult<Event> map(AcledVariant variant, Map<String, String> values) {
    return new AcledEventMapper(variant, TestFiles.context("test.csv"), TestFiles.TODAY)
        .map(row(values));
  }

  private static Event mapped(AcledVariant variant, Map<String, String> values) {
    MapResult<Event> result = map(variant, values);
    assertThat(result).isInstanceOf(MapResult.Mapped.class);
    return ((MapResult.Mapped<Event>) result).value();
  }

  private static List<Problem> problems(AcledVariant variant, Map<String, String> values) {
    MapResult<Event> result = map(variant, values);
    assertThat(result).isInstanceOf(MapResult.Rejected.class);
    return ((MapResult.Rejected<Event>) result).problems();
  }

  private static Problem onlyProblem(AcledVariant variant, Map<String, String> values) {
    List<Problem> problems = problems(variant, values);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void currentRowMapsEveryField() {
    Event e = mapped(AcledVariant.CURRENT, currentRow());

    assertThat(e.id()).isEqualTo("acled:MLI9001");
    assertThat(e.sourceEventId()).isEqualTo("MLI9001");
    assertThat(e.date()).isEqualTo(LocalDate.of(2022, 3, 14));
    assertThat(e.endDate()).isEqualTo(e.date());
    assertThat(e.datePrecision()).isEqualTo(DatePrecision.DAY);
    assertThat(e.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(e.subEventType()).isEqualTo("Armed clash");
    assertThat(e.sourceEventType()).isEqualTo("Battles");
    assertThat(e.sourceSubEventType()).isEqualTo("Armed clash");
    assertThat(e.disorderType()).isEqualTo("Political violence");
    assertThat(e.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, "Military Forces of Mali (2021-)", 1),
            new EventActor(ActorRole.ASSOCIATED_1, "Wagner Group", null),
            new EventActor(ActorRole.ACTOR_2, "JNIM: Group for Support of Islam and Muslims", 2));
    assertThat(e.interaction()).isEqualTo(12);
    assertThat(e.civilianTargeting()).isFalse();
    assertThat(e.countryIso3()).isEqualTo("MLI");
    assertThat(e.admin1()).isEqualTo("Segou");
    assertThat(e.admin2()).isEqualTo("Niono");
    assertThat(e.admin3()).isEqualTo("Diabaly");
    assertThat(e.location()).isEqualTo("Diabaly");
    assertThat(e.latitude()).isEqualTo(14.6897);
    assertThat(e.longitude()).isEqualTo(-6.0117);
    assertThat(e.geoPrecision()).isEqualTo(2);
    assertThat(e.fatalities().best()).isEqualTo(4);
    assertThat(e.fatalities().low()).isEqualTo(4);
    assertThat(e.fatalities().high()).isEqualTo(4);
    assertThat(e.notes()).startsWith("On 14 March 2022");
    assertThat(e.sourceNames()).isEqualTo("Studio Tamani; FAMa");
    assertThat(e.sourceScale()).isEqualTo("National");
    assertThat(e.tags()).isEmpty();
    assertThat(e.provenance().dataset()).isEqualTo("test.csv");
    assertThat(e.provenance().lineNumber()).isEqualTo(2);
    assertThat(e.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1647898213L));
    assertThat(e.provenance().ingestedAt()).isEqualTo(TestFiles.INGESTED_AT);
  }

  @Test
  void naAndEmptyValuesBecomeNull() {
    Map<String, String> r = currentRow();
    r.put("actor2", "NA");
    r.put("inter2", "0");
    r.put("assoc_actor_1", "NA");
    r.put("admin3", "NA");
    r.put("source_scale", "");
    r.put("geo_precision", "");
    r.put("interaction", "");
    r.put("timestamp", "");

    Event e = mapped(AcledVariant.CURRENT, r);

    assertThat(e.actors())
        .containsExactly(new EventActor(ActorRole.ACTOR_1, "Military Forces of Mali (2021-)", 1));
    assertThat(e.admin3()).isNull();
    assertThat(e.sourceScale()).isNull();
    assertThat(e.geoPrecision()).isNull();
    assertThat(e.interaction()).isNull();
    assertThat(e.provenance().sourceTimestamp()).isNull();
  }

  @Test
  void disorderTypeKeepsAcledsOwnTypo() {
    Map<String, String> r = currentRow();
    r.put("disorder_type", "Demostrations");
    r.put("event_type", "Protests");
    r.put("sub_event_type", "Peaceful protest");

    Event e = mapped(AcledVariant.CURRENT, r);

    assertThat(e.disorderType()).isEqualTo("Demostrations");
    assertThat(e.eventType()).isEqualTo(EventType.PROTESTS);
    assertThat(e.subEventType()).isEqualTo("Peaceful protest");
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Battle-No change of territory | BATTLES | Armed clash",
        "Battle-Non-state actor overtakes territory | BATTLES | Non-state actor overtakes territory",
        "Battle-Government regains territory | BATTLES | Government regains territory",
        "Remote violence | EXPLOSIONS_REMOTE_VIOLENCE | null",
        "Violence against civilians | VIOLENCE_AGAINST_CIVILIANS | null",
        "Strategic development | STRATEGIC_DEVELOPMENTS | null",
        "Headquarters or base established | STRATEGIC_DEVELOPMENTS"
            + " | Headquarters or base established",
        "Non-violent transfer of territory | STRATEGIC_DEVELOPMENTS"
            + " | Non-violent transfer of territory",
        "Battle - No change of territory | BATTLES | Armed clash",
        "BATTLE-NON-STATE ACTOR  OVERTAKES TERRITORY | BATTLES | Non-state actor overtakes territory",
        "remote   violence | EXPLOSIONS_REMOTE_VIOLENCE | null",
      })
  void oldTaxonomyMapsToCurrentTypes(String source, EventType type, String subType) {
    Map<String, String> r = export2019Row();
    r.put("event_type", source);

    Event e = mapped(AcledVariant.EXPORT_2019, r);

    assertThat(e.eventType()).isEqualTo(type);
    assertThat(e.subEventType()).isEqualTo(subType);
    assertThat(e.sourceEventType()).isEqualTo(source.strip());
    assertThat(e.sourceSubEventType()).isNull();
  }

  @Test
  void oldTaxonomyIsRecognisedInAnyVariant() {
    Map<String, String> r = currentRow();
    r.put("event_type", "Battle-Government regains territory");
    r.put("sub_event_type", "");

    Event e = mapped(AcledVariant.CURRENT, r);

    assertThat(e.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(e.subEventType()).isEqualTo("Government regains territory");
  }

  @ParameterizedTest(name = "inter1 {0}, actor1 {1}, actor2 {2}, fatalities {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5 | Rioters (Mali) | '' | 0 | RIOTS",
        "6 | Protesters (Mali) | '' | 0 | PROTESTS",
        // inter1 decides even against the name and the deaths.
        "6 | Rioters (Mali) | '' | 3 | PROTESTS",
        "5 | Protesters (Mali) | '' | 0 | RIOTS",
        // inter1 is neither: actor names decide (as AC0519's MLI1953).
        "1 | Military Forces of Mali (2013-) | Rioters (Mali) | 14 | RIOTS",
        "4 | Dozo Militia | Protesters (Mali) | 0 | PROTESTS",
        "'' | protesters (Mali) | '' | 2 | PROTESTS",
        // Neither inter code nor name: deaths make it a riot.
        "1 | Police Forces of Mali (2013-) | Civilians (Mali) | 1 | RIOTS",
        "1 | Police Forces of Mali (2013-) | Civilians (Mali) | 0 | PROTESTS",
      })
  void riotsProtestsIsSplitByInterCodeThenNameThenDeaths(
      String inter1, String actor1, String actor2, String fatalities, EventType expected) {
    Map<String, String> r = export2019Row();
    r.put("event_type", "Riots/Protests");
    r.put("inter1", inter1);
    r.put("actor1", actor1);
    r.put("actor2", actor2);
    r.put("inter2", actor2.isEmpty() ? "0" : "7");
    r.put("fatalities", fatalities);

    Event e = mapped(AcledVariant.EXPORT_2019, r);

    assertThat(e.eventType()).isEqualTo(expected);
    assertThat(e.subEventType()).isNull();
    assertThat(e.sourceEventType()).isEqualTo("Riots/Protests");
  }

  @Test
  void riotsProtestsToleratesSpacing() {
    Map<String, String> r = schema2016Row();
    r.put("EVENT_TYPE", "Riots / Protests");

    assertThat(mapped(AcledVariant.SCHEMA_2016, r).eventType()).isEqualTo(EventType.PROTESTS);
  }

  @Test
  void unknownEventTypeListsTheExpectedValues() {
    Map<String, String> r = currentRow();
    r.put("event_type", "Skirmish");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("unknown_event_type");
    assertThat(p.column()).isEqualTo("event_type");
    assertThat(p.message())
        .contains("\"Skirmish\"")
        .contains("Battles")
        .contains("Explosions/Remote violence")
        .contains("Battle-No change of territory")
        .contains("Riots/Protests");
  }

  @Test
  void otherIsNotAnAcledEventType() {
    Map<String, String> r = currentRow();
    r.put("event_type", "Other");

    assertThat(onlyProblem(AcledVariant.CURRENT, r).code()).isEqualTo("unknown_event_type");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "State forces, 1",
    "Rebel group, 2",
    "Political militia, 3",
    "Identity militia, 4",
    "Rioters, 5",
    "PROTESTERS, 6",
    "civilians, 7",
    "External/Other forces, 8",
    "0, 0",
    "8, 8",
  })
  void interCodesMayBeNumbersOrNames(String given, int expected) {
    Map<String, String> r = currentRow();
    r.put("inter1", given);
    r.put("inter2", given);
    r.put("interaction", "State forces-Rebel group");

    Event e = mapped(AcledVariant.CURRENT, r);

    assertThat(e.findActor(ActorRole.ACTOR_1))
        .hasValueSatisfying(a -> assertThat(a.interCode()).isEqualTo(expected));
    assertThat(e.findActor(ActorRole.ACTOR_2))
        .hasValueSatisfying(a -> assertThat(a.interCode()).isEqualTo(expected));
    assertThat(e.interaction()).as("a textual interaction is left out").isNull();
  }

  @ParameterizedTest
  @CsvSource({"9", "-1", "Militia", "1.5"})
  void unknownInterCodeIsAProblem(String given) {
    Map<String, String> r = currentRow();
    r.put("inter2", given);

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("bad_inter_code");
    assertThat(p.column()).isEqualTo("inter2");
    assertThat(p.message()).contains("\"" + given + "\"").contains("0 to 8").contains("Civilians");
  }

  @Test
  void associatedActorsAreSplitOnSemicolons() {
    Map<String, String> r = currentRow();
    r.put("assoc_actor_1", " Wagner Group; ;Dozo Militia ;");
    r.put("assoc_actor_2", "Fulani Ethnic Militia (Mali)");

    Event e = mapped(AcledVariant.CURRENT, r);

    assertThat(e.listActors(ActorRole.ASSOCIATED_1))
        .extracting(EventActor::name)
        .containsExactly("Wagner Group", "Dozo Militia");
    assertThat(e.listActors(ActorRole.ASSOCIATED_2))
        .extracting(EventActor::name)
        .containsExactly("Fulani Ethnic Militia (Mali)");
    assertThat(e.actors()).allSatisfy(a -> assertThat(a.name()).isNotBlank());
  }

  @Test
  void schema2016ReadsUpperCaseColumnsAndAllyActors() {
    Event e = mapped(AcledVariant.SCHEMA_2016, schema2016Row());

    assertThat(e.sourceEventId()).isEqualTo("88MLI");
    assertThat(e.date()).isEqualTo(LocalDate.of(2016, 2, 14));
    assertThat(e.eventType()).isEqualTo(EventType.PROTESTS);
    assertThat(e.listActors(ActorRole.ASSOCIATED_1))
        .extracting(EventActor::name)
        .containsExactly("Students (Mali)", "Teachers (Mali)");
    assertThat(e.findActor(ActorRole.ACTOR_2)).isEmpty();
    assertThat(e.countryIso3()).isEqualTo("MLI");
    assertThat(e.sourceNames()).isEqualTo("L'Essor");
    assertThat(e.provenance().sourceTimestamp()).isNull();
  }

  @Test
  void civilianTargetingComesFromItsColumnWhenTheFileHasOne() {
    Map<String, String> r = currentRow();
    r.put("event_type", "Explosions/Remote violence");
    r.put("sub_event_type", "Remote explosive/landmine/IED");
    r.put("civilian_targeting", "Civilian targeting");
    assertThat(mapped(AcledVariant.CURRENT, r).civilianTargeting()).isTrue();

    r.put("civilian_targeting", "civilian TARGETING");
    assertThat(mapped(AcledVariant.CURRENT, r).civilianTargeting()).isTrue();

    // The column wins over the derivation: an empty value means no, even with civilians as actor 2.
    r.put("civilian_targeting", "");
    r.put("event_type", "Violence against civilians");
    r.put("sub_event_type", "Attack");
    r.put("inter2", "7");
    assertThat(mapped(AcledVariant.CURRENT, r).civilianTargeting()).isFalse();
  }

  @Test
  void civilianTargetingIsDerivedWithoutTheColumn() {
    Map<String, String> r = export2019Row();
    r.put("event_type", "Violence against civilians");
    r.put("inter2", "1");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).civilianTargeting()).isTrue();

    r.put("event_type", "Remote violence");
    r.put("actor2", "Civilians (Mali)");
    r.put("inter2", "7");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).civilianTargeting()).isTrue();

    r.put("inter2", "1");
    r.put("actor2", "Military Forces of Mali (2013-)");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).civilianTargeting()).isFalse();
  }

  @Test
  void countryComesFromIso3ThenNumericIsoThenName() {
    Map<String, String> r = export2019Row();
    // As in AC0519 (one row): country Mali, but iso 854 / iso3 BFA. iso3 is trusted.
    r.put("iso", "854");
    r.put("iso3", "BFA");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).countryIso3()).isEqualTo("BFA");

    r.put("iso3", "bfa");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).countryIso3()).isEqualTo("BFA");

    r.put("iso3", "");
    r.put("iso", "562");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).countryIso3()).isEqualTo("NER");

    r.put("iso", "");
    r.put("country", "Niger");
    assertThat(mapped(AcledVariant.EXPORT_2019, r).countryIso3()).isEqualTo("NER");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Ivory Coast, CIV",
    "Democratic Republic of Congo, COD",
    "Republic of Congo, COG",
    "Burkina Faso, BFA",
    "Mali, MLI",
  })
  void acledCountrySpellingsOfThe2016SchemaResolve(String name, String iso3) {
    Map<String, String> r = schema2016Row();
    r.put("COUNTRY", name);

    assertThat(mapped(AcledVariant.SCHEMA_2016, r).countryIso3()).isEqualTo(iso3);
  }

  @Test
  void unknownCountryIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("iso", "999");
    r.put("country", "Atlantis");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("unknown_country");
    assertThat(p.column()).isEqualTo("country");
    assertThat(p.message())
        .isEqualTo(
            "country \"Atlantis\" (iso 999) is not a known country"
                + " (expected an ISO 3166 name or code)");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "CURRENT, 2019-02-22, 2019-02-22",
    "CURRENT, 22 February 2019, 2019-02-22",
    "HDX_HXL, 2019-02-22, 2019-02-22",
    "HDX_HXL, 22 February 2019, 2019-02-22",
    "EXPORT_2019, 22 February 2019, 2019-02-22",
    "EXPORT_2019, 2 February 2019, 2019-02-02",
    "EXPORT_2019, 2019-02-22, 2019-02-22",
    "SCHEMA_2016, 29/12/2015, 2015-12-29",
  })
  void eachVariantReadsItsDateLayouts(AcledVariant variant, String given, LocalDate expected) {
    Map<String, String> r = currentRow();
    r.put("event_date", given);

    assertThat(mapped(variant, r).date()).isEqualTo(expected);
  }

  @Test
  void impossibleMonthIsABadDateNamingTheExpectedLayout() {
    Map<String, String> r = currentRow();
    r.put("event_date", "2019-13-01");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("bad_date");
    assertThat(p.column()).isEqualTo("event_date");
    assertThat(p.message())
        .isEqualTo("\"2019-13-01\" is not a date (expected yyyy-MM-dd or \"22 February 2019\")");
  }

  @ParameterizedTest
  @CsvSource({
    "EXPORT_2019, 30 February 2019",
    "CURRENT, 2019-02-30",
    "SCHEMA_2016, 30/02/2016",
    "SCHEMA_2016, 2016-02-14",
    "CURRENT, 14/02/2016",
  })
  void thirtiethOfFebruaryAndForeignLayoutsAreBadDates(AcledVariant variant, String given) {
    Map<String, String> r = currentRow();
    r.put("event_date", given);

    Problem p = onlyProblem(variant, r);

    assertThat(p.code()).isEqualTo("bad_date");
    assertThat(p.message()).startsWith("\"" + given + "\" is not a date (expected ");
  }

  @Test
  void schema2016DateMessageNamesItsLayout() {
    Map<String, String> r = schema2016Row();
    r.put("EVENT_DATE", "2016-02-14");

    assertThat(onlyProblem(AcledVariant.SCHEMA_2016, r).message()).contains("dd/mm/yyyy");
  }

  @Test
  void futureDateIsImplausible() {
    Map<String, String> r = currentRow();
    r.put("event_date", "2027-01-01");

    assertThat(onlyProblem(AcledVariant.CURRENT, r).code()).isEqualTo("implausible_date");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1, DAY", "2, WEEK", "3, MONTH", "'', DAY"})
  void timePrecisionMapsToDatePrecision(String given, DatePrecision expected) {
    Map<String, String> r = currentRow();
    r.put("time_precision", given);

    assertThat(mapped(AcledVariant.CURRENT, r).datePrecision()).isEqualTo(expected);
  }

  @Test
  void unknownTimePrecisionIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("time_precision", "4");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("bad_time_precision");
    assertThat(p.column()).isEqualTo("time_precision");
    assertThat(p.message()).contains("\"4\"").contains("1 day, 2 week or 3 month");
  }

  @Test
  void latitudeOutOfRangeIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("latitude", "95");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("coordinates_out_of_range");
    assertThat(p.column()).isEqualTo("latitude");
    assertThat(p.message()).contains("\"95\"").contains("-90 to 90");
  }

  @Test
  void missingCoordinatesAreAProblem() {
    Map<String, String> r = currentRow();
    r.put("longitude", "");

    assertThat(onlyProblem(AcledVariant.CURRENT, r).code()).isEqualTo("missing_coordinates");
  }

  @Test
  void coordinatesMayCarryNoBreakSpaces() {
    Map<String, String> r = currentRow();
    r.put("longitude", "\u00a0-6.0117");

    assertThat(mapped(AcledVariant.CURRENT, r).longitude()).isEqualTo(-6.0117);
  }

  @Test
  void geoPrecisionOutsideOneToThreeIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("geo_precision", "4");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("out_of_range");
    assertThat(p.column()).isEqualTo("geo_precision");
  }

  @Test
  void fatalitiesInWordsAreAProblem() {
    Map<String, String> r = currentRow();
    r.put("fatalities", "three");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("bad_fatalities");
    assertThat(p.column()).isEqualTo("fatalities");
    assertThat(p.message()).contains("\"three\"").contains("whole number >= 0");
  }

  @Test
  void negativeFatalitiesAreAProblem() {
    Map<String, String> r = currentRow();
    r.put("fatalities", "-2");

    assertThat(onlyProblem(AcledVariant.CURRENT, r).code()).isEqualTo("bad_fatalities");
  }

  @Test
  void missingEventIdIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("event_id_cnty", " ");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("missing_event_id");
    assertThat(p.column()).isEqualTo("event_id_cnty");
    assertThat(p.message())
        .isEqualTo("event_id_cnty is empty (expected ACLED's event id, e.g. MLI2665)");
  }

  @Test
  void missingActor1IsAProblem() {
    Map<String, String> r = currentRow();
    r.put("actor1", "NA");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("missing_actor");
    assertThat(p.column()).isEqualTo("actor1");
  }

  @Test
  void badTimestampIsAProblem() {
    Map<String, String> r = currentRow();
    r.put("timestamp", "2022-03-21T10:00");

    assertThat(onlyProblem(AcledVariant.CURRENT, r).code()).isEqualTo("bad_timestamp");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 2286: read as seconds, later arithmetic on the instant overflowed.
        "9999999999 | \"9999999999\" (2286-11-20) is outside the possible range",
        "9223372036854775807 | \"9223372036854775807\" is outside the possible range",
        "-99999999999 | \"-99999999999\" (-1199-02-15) is outside the possible range",
        "0 | \"0\" (1970-01-01) is outside the possible range",
        "1795910401 | \"1795910401\" (2026-11-29) is outside the possible range",
      })
  void aTimestampOutsideAcledsYearsAndTheIngestIsImplausible(String value, String start) {
    Map<String, String> r = currentRow();
    r.put("timestamp", value);

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("implausible_timestamp");
    assertThat(p.column()).isEqualTo("timestamp");
    // Today is 2026-11-26, ingested at 08:00 UTC: two days past the end of today.
    assertThat(p.message())
        .isEqualTo(
            start
                + " (expected seconds since 1970-01-01 from 852076800 (1997-01-01) to 1795910400"
                + " (2026-11-29))");
  }

  @Test
  void aTimestampInMillisecondsIsImplausibleWithAHint() {
    Map<String, String> r = currentRow();
    r.put("timestamp", "1551225600000");

    Problem p = onlyProblem(AcledVariant.CURRENT, r);

    assertThat(p.code()).isEqualTo("implausible_timestamp");
    assertThat(p.message())
        .endsWith("; it looks like milliseconds (1551225600 seconds would be 2019-02-27)");
  }

  @Test
  void theEdgesOfThePlausibleTimestampsAreAccepted() {
    Map<String, String> r = currentRow();
    r.put("timestamp", "852076800");
    assertThat(mapped(AcledVariant.CURRENT, r).provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("1997-01-01T00:00:00Z"));
    r.put("timestamp", "1795910400");
    assertThat(mapped(AcledVariant.CURRENT, r).provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
  }

  @Test
  void everyProblemOfARowIsReportedAtOnce() {
    Map<String, String> r = currentRow();
    r.put("event_id_cnty", "");
    r.put("event_date", "2019-13-01");
    r.put("event_type", "Skirmish");
    r.put("inter1", "12");
    r.put("latitude", "95");
    r.put("fatalities", "three");
    r.put("iso", "");
    r.put("country", "Atlantis");

    assertThat(problems(AcledVariant.CURRENT, r))
        .extracting(Problem::code)
        .containsExactlyInAnyOrder(
            "missing_event_id",
            "bad_date",
            "unknown_event_type",
            "bad_inter_code",
            "coordinates_out_of_range",
            "bad_fatalities",
            "unknown_country");
  }

  @Test
  void tagsAreSplitOnSemicolons() {
    Map<String, String> r = currentRow();
    r.put("tags", "crowd size=no report; ;local administrators");

    assertThat(mapped(AcledVariant.CURRENT, r).tags())
        .containsExactly("crowd size=no report", "local administrators");
  }

  @Test
  void whatTheEventRecordWouldRejectBecomesAProblemNotAnException() {
    // Line 0 is not a line; Provenance refuses it. The mapper must still not throw.
    SourceRow bad =
        new SourceRow(
            0,
            Header.of(new ArrayList<>(currentRow().keySet())),
            new ArrayList<>(currentRow().values()));

    MapResult<Event> result =
        new AcledEventMapper(AcledVariant.CURRENT, TestFiles.context("test.csv"), TestFiles.TODAY)
            .map(bad);

    assertThat(result).isInstanceOf(MapResult.Rejected.class);
    Problem p = ((MapResult.Rejected<Event>) result).problems().get(0);
    assertThat(p.code()).isEqualTo("invalid_event");
    assertThat(p.message()).contains("lineNumber must be >= 1");
  }

  @Test
  void rowShorterThanItsHeaderReadsMissingColumnsAsEmpty() {
    Map<String, String> r = currentRow();
    List<String> names = new ArrayList<>(r.keySet());
    List<String> values = new ArrayList<>(r.values()).subList(0, names.indexOf("latitude"));

    MapResult<Event> result =
        new AcledEventMapper(AcledVariant.CURRENT, TestFiles.context("test.csv"), TestFiles.TODAY)
            .map(new SourceRow(2, Header.of(names), values));

    assertThat(((MapResult.Rejected<Event>) result).problems())
        .extracting(Problem::code)
        .containsExactlyInAnyOrder("missing_coordinates", "missing_coordinates", "bad_fatalities");
  }
}
