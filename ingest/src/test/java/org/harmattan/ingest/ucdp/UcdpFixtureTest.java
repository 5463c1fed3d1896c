package org.harmattan.ingest.ucdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.ingest.common.CollectingSink.Read;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** Hand-written UCDP files, one per layout and one of bad values, read end to end. */
class UcdpFixtureTest {

  private static Read read(String name) {
    Read r = CollectingSink.read(SharedData.fixture("ucdp/" + name));
    assertThat(r.summary().rowsRead())
        .isEqualTo(r.summary().accepted() + r.summary().rejected())
        .isEqualTo(r.events().size() + r.rejected().size());
    return r;
  }

  @Test
  void gedV23WithTimePartsAMultiLineFieldAndTripledQuotes() {
    Read r = read("ucdp-ged-v23.csv");
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED);
    assertThat(r.summary().rowsRead()).isEqualTo(4);
    assertThat(r.summary().accepted()).isEqualTo(4);
    assertThat(r.rejected()).isEmpty();

    Event first = r.event("900001");
    // source_original spans lines 2 to 4; the next record starts on line 5.
    assertThat(r.eventLines().get(0)).isEqualTo(new LineRange(2, 4));
    assertThat(r.event("900002").provenance().lineNumber()).isEqualTo(5);
    assertThat(first.date()).isEqualTo(LocalDate.of(2022, 3, 4));
    assertThat(first.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(first.countryIso3()).isEqualTo("MLI");
    assertThat(first.sourceNames()).isEqualTo("Studio Tamani;AFP");
    assertThat(first.notes()).isEqualTo("Accrochage pres de Boni;Mali army says seven killed");
    assertThat(first.fatalities()).isEqualTo(new Fatalities(7, 7, 9));

    Event nonState = r.event("900002");
    assertThat(nonState.sourceEventType()).isEqualTo("2 non-state conflict");
    assertThat(nonState.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, "GATIA, MSA", null),
            new EventActor(ActorRole.ACTOR_2, "IS Sahel", null));
    assertThat(nonState.admin1()).isNull();
    assertThat(nonState.datePrecision()).isEqualTo(DatePrecision.WEEK);
    assertThat(nonState.endDate()).isEqualTo(LocalDate.of(2021, 6, 14));
    assertThat(nonState.notes()).isEqualTo("Menaka region");

    Event oneSided = r.event("900003");
    assertThat(oneSided.countryIso3()).isEqualTo("BFA");
    assertThat(oneSided.eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(oneSided.civilianTargeting()).isTrue();
    assertThat(oneSided.datePrecision()).isEqualTo(DatePrecision.MONTH);
    // low 3 > best 2, but deaths_civilians 2 confirms best: the bounds widen to keep it.
    assertThat(oneSided.fatalities()).isEqualTo(new Fatalities(2, 2, 3));

    Event congo = r.event("900004");
    assertThat(congo.countryIso3()).isEqualTo("COD");
    assertThat(congo.datePrecision()).isEqualTo(DatePrecision.YEAR);
    assertThat(congo.geoPrecision()).isEqualTo(6);
    assertThat(congo.findActor(ActorRole.ACTOR_1).orElseThrow().interCode()).isEqualTo(1);
  }

  @Test
  void gedV19InTheOlderColumnOrder() {
    Read r = read("ucdp-ged-v19.csv");
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED_V19);
    assertThat(r.summary().accepted()).isEqualTo(3);
    assertThat(r.rejected()).isEmpty();
    assertThat(r.events()).extracting(Event::countryIso3).containsExactly("MMR", "MLI", "YEM");
    Event burma = r.event("209981");
    assertThat(burma.fatalities()).isEqualTo(new Fatalities(1, 1, 30));
    assertThat(burma.datePrecision()).isEqualTo(DatePrecision.WEEK);
    Event gao = r.event("72001");
    assertThat(gao.eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(gao.findActor(ActorRole.ACTOR_2).orElseThrow().interCode()).isEqualTo(7);
    assertThat(gao.sourceNames()).isNull();
    assertThat(r.event("72002").sourceEventType()).isEqualTo("2 non-state conflict");
  }

  @Test
  void hdxFileWithItsHashtagRowAndIso3Column() {
    Read r = read("ucdp-hdx-hxl.csv");
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_HDX);
    assertThat(r.summary().notes()).contains("HXL hashtag row on line 2");
    assertThat(r.summary().rowsRead()).isEqualTo(3);
    assertThat(r.summary().accepted()).isEqualTo(3);
    assertThat(r.events()).extracting(Event::countryIso3).containsOnly("MLI");
    assertThat(r.event("433001").provenance().lineNumber()).isEqualTo(3);
    Event menaka = r.event("433002");
    assertThat(menaka.location()).isEqualTo("Andéramboukane village");
    assertThat(menaka.fatalities()).isEqualTo(new Fatalities(30, 25, 45));
    assertThat(menaka.admin2()).isNull();
  }

  @Test
  void badValuesGoToQuarantineWithTheirCodesAndRawText() throws IOException {
    Path path = SharedData.fixture("ucdp/ucdp-bad-values.csv");
    Read r = read("ucdp-bad-values.csv");
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED);
    assertThat(r.summary().rowsRead()).isEqualTo(12);
    assertThat(r.summary().accepted()).isEqualTo(1);
    assertThat(r.summary().rejected()).isEqualTo(11);
    assertThat(r.events()).extracting(Event::sourceEventId).containsExactly("910001");
    assertThat(r.problemCodes())
        .containsExactly(
            List.of("missing_event_id"),
            List.of("bad_fatalities"),
            List.of("inconsistent_fatalities"),
            List.of("unknown_country"),
            List.of("bad_date"),
            List.of("coordinates_out_of_range"),
            List.of("unknown_event_type"),
            List.of("bad_date_range"),
            List.of("bad_date_precision", "missing_coordinates"),
            List.of("implausible_date", "implausible_date"),
            List.of("wrong_column_count"));
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    for (RejectedRow rejected : r.rejected()) {
      assertThat(rejected.raw()).isEqualTo(lines.get((int) rejected.lineNumber() - 1));
      assertThat(rejected.dataset()).isEqualTo("ucdp-bad-values.csv");
    }
    assertThat(r.rejectedAt(5).message())
        .startsWith("ucdp-bad-values.csv line 5, column best: low 5, best 3, high 4");
    assertThat(r.rejectedAt(6).message()).contains("column country: \"Atlantis\"");
    assertThat(r.rejectedAt(7).message())
        .contains("column date_start: \"2022-02-30 00:00:00.000\" is not a date");
    assertThat(r.rejectedAt(13).raw()).startsWith("910012,");
  }
}
