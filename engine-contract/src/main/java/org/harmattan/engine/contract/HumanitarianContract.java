package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.hxl.HxlReader;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on humanitarian observations and the admin reference. */
interface HumanitarianContract extends EngineCase {
  @Test
  default void humanitarianObservationsAndAdminUnitsComeBackAsIngestGaveThem() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      assertUnsupported(() -> ingestHumanitarian("hdx-pcodes-mopti.csv", new Recorded()));
      assertUnsupported(() -> store().observations().listObservations("MLI", null));
      assertUnsupported(() -> store().observations().listAdminUnits("MLI"));
      return;
    }
    assertThat(store().observations().listAdminUnits("MLI")).isEmpty();
    Recorded units = new Recorded();
    HumanitarianIngestReport ref = ingestHumanitarian("hdx-pcodes-mopti.csv", units);
    assertThat(ref.dataset()).isEqualTo("hdx-pcodes");
    assertThat(List.of(ref.rowsRead(), ref.inserted(), ref.unchanged(), ref.quarantined()))
        .containsExactly(3L, 3L, 0L, 0L);
    List<AdminUnit> given = new ArrayList<>();
    for (ObservationRow row : units.observationRows) {
      given.addAll(row.units());
    }
    assertThat(store().humanitarian().listAdminUnits()).containsExactlyInAnyOrderElementsOf(given);
    // The read port gives the same reference, per country: what names a place no row names.
    assertThat(store().observations().listAdminUnits("MLI"))
        .containsExactlyInAnyOrderElementsOf(given);
    assertThat(store().observations().listAdminUnits("BFA")).isEmpty();
    assertThat(store().humanitarian().listAdminUnits())
        .extracting(AdminUnit::level, AdminUnit::pcode, AdminUnit::name, AdminUnit::line)
        .containsExactlyInAnyOrder(
            tuple(1, "ML05", "Mopti", 3L),
            tuple(2, "ML0501", "Bandiagara", 4L),
            tuple(2, "ML0502", "Bankass", 5L));

    Recorded dtm = new Recorded();
    HumanitarianIngestReport r = ingestHumanitarian("dtm-bad-number-and-date.csv", dtm);
    // Bandiagara's 4,214 IDPs; Bankass's "many" and a 31st month quarantined; a blank line.
    assertThat(List.of(r.rowsRead(), r.inserted(), r.unchanged(), r.quarantined(), r.blankRows()))
        .containsExactly(3L, 1L, 0L, 2L, 1L);
    List<Observation> given2 = new ArrayList<>();
    for (ObservationRow row : dtm.observationRows) {
      for (ObservationRecord o : row.observations()) {
        given2.add(o.observation());
      }
    }
    List<Observation> idps = store().observations().listObservations("MLI", "idps");
    assertThat(idps).isEqualTo(given2);
    assertThat(idps)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.value()).isEqualTo(4214.0);
              assertThat(o.pcode()).isEqualTo("ML050101");
              assertThat(o.adminLevel()).isEqualTo(3);
              assertThat(o.vintage()).isEqualTo(LocalDate.of(2021, 9, 30));
              assertThat(o.line()).isEqualTo(3);
              assertThat(o.source().sha256()).isEqualTo(r.sha256());
            });
    assertThat(store().observations().listObservations("MLI", null)).isEqualTo(idps);
    // The day each file was read (UTC) is what its observations' citations give as accessed.
    LocalDate readOn = LocalDate.now(java.time.ZoneOffset.UTC);
    assertThat(store().observations().listReadDays())
        .containsKeys(ref.sha256(), r.sha256())
        .allSatisfy(
            (sha, day) -> assertThat(day).isBetween(readOn.minusDays(1), readOn.plusDays(1)));
    assertThat(store().observations().listObservations("MLI", "people_in_need")).isEmpty();
    assertThat(store().observations().listObservations("BFA", null)).isEmpty();
    List<RejectedRow> q = store().listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(4L, 6L);
    assertThat(q.get(0).problems().get(0).code()).isEqualTo("not_a_number");
    assertThat(q.get(0).raw()).isEqualTo(line(fixture("dtm-bad-number-and-date.csv"), 4));
    assertThat(q.get(1).problems().get(0).code()).isEqualTo("bad_date");

    // The same file again adds nothing; a renamed unit replaces the unit of its P-code.
    HumanitarianIngestReport again = ingestHumanitarian("dtm-bad-number-and-date.csv", dtm);
    assertThat(List.of(again.inserted(), again.unchanged(), again.quarantined()))
        .containsExactly(0L, 1L, 2L);
    HumanitarianIngestReport renamed =
        ingestHumanitarian("hdx-pcodes-mopti-renamed.csv", new Recorded());
    assertThat(List.of(renamed.inserted(), renamed.unchanged())).containsExactly(1L, 2L);
    assertThat(store().humanitarian().listAdminUnits())
        .extracting(AdminUnit::pcode, AdminUnit::name, AdminUnit::validFrom)
        .containsExactlyInAnyOrder(
            tuple("ML05", "Mopti", LocalDate.of(2021, 12, 20)),
            tuple("ML0501", "Bandiagara", LocalDate.of(2021, 12, 20)),
            tuple("ML0502", "Bankass Cercle", LocalDate.of(2023, 1, 1)));
    StoreStatus status = store().status();
    assertThat(status.observations()).isEqualTo(1);
    assertThat(status.adminUnits()).isEqualTo(3);
    assertThat(status.quarantined()).isEqualTo(2);
    assertThat(status.files()).isEqualTo(4);
    assertThat(status.events()).isZero();
  }

  /** What a store holds of humanitarian tables, to compare stores filled in different orders. */
  record HumanitarianState(
      List<Observation> observations,
      List<AdminUnit> reference,
      Set<String> quarantine,
      long observationCount,
      long adminUnits,
      long quarantined) {
    static HumanitarianState of(Store s) {
      Set<String> q = new TreeSet<>();
      for (RejectedRow r : s.listQuarantine(100)) {
        q.add(r.fileSha256() + ":" + r.lineNumber() + ":" + r.problems().get(0).code());
      }
      StoreStatus st = s.status();
      return new HumanitarianState(
          s.observations().listObservations("MLI", null),
          s.humanitarian().listAdminUnits(),
          q,
          st.observations(),
          st.adminUnits(),
          st.quarantined());
    }
  }

  private HumanitarianIngestReport ingestHumanitarian(Store into, String name) {
    HumanitarianIngestReport r =
        HumanitarianIngest.ingest(
            HxlReader.inspect(fixture(name)), OptionalInt.empty(), into.humanitarian());
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.quarantined())
        .isEqualTo(r.rowsRead());
    return r;
  }

  @Test
  default void aTableReadBeforeItsReferenceIsPlacedAgainWhenTheReferenceArrives()
      throws IOException {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    String dtm = "dtm-placed-by-the-reference.csv";
    // The reference first: Bankass placed by name, Douentza refused.
    ingestHumanitarian(store(), "hdx-pcodes-mopti.csv");
    HumanitarianIngestReport placed = ingestHumanitarian(store(), dtm);
    assertThat(
            List.of(placed.rowsRead(), placed.inserted(), placed.updated(), placed.quarantined()))
        .containsExactly(3L, 2L, 0L, 1L);
    assertThat(placed.placedAgain()).isEmpty();
    HumanitarianState referenceFirst = HumanitarianState.of(store());
    assertThat(referenceFirst.observations())
        .extracting(Observation::adminName, Observation::pcode)
        .containsExactlyInAnyOrder(tuple("Bandiagara", "ML0501"), tuple("Bankass", "ML0502"));
    assertThat(referenceFirst.quarantine()).singleElement().asString().endsWith(":5:unknown_admin");

    try (Store other = secondStore()) {
      // The table first: its codes kept unchecked, Douentza stored.
      HumanitarianIngestReport unchecked = ingestHumanitarian(other, dtm);
      assertThat(List.of(unchecked.inserted(), unchecked.quarantined())).containsExactly(3L, 0L);
      assertThat(other.observations().listObservations("MLI", null))
          .extracting(Observation::pcode)
          .containsExactlyInAnyOrder("ML0501", "ML0599", null);

      // Then the reference: the table is read again from the store's copy and placed anew.
      HumanitarianIngestReport reference = ingestHumanitarian(other, "hdx-pcodes-mopti.csv");
      assertThat(reference.placedAgain())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.path()).isEqualTo(placed.path());
                assertThat(a.sha256()).isEqualTo(placed.sha256());
                assertThat(List.of(a.rowsRead(), a.inserted(), a.updated(), a.unchanged()))
                    .containsExactly(3L, 0L, 1L, 1L);
                assertThat(a.quarantined()).isEqualTo(1L);
              });
      assertThat(HumanitarianState.of(other)).isEqualTo(referenceFirst);

      // Reading either file again, in either store, changes nothing.
      HumanitarianIngestReport again = ingestHumanitarian(other, dtm);
      assertThat(List.of(again.inserted(), again.updated(), again.unchanged(), again.quarantined()))
          .containsExactly(0L, 0L, 2L, 1L);
      assertThat(again.placedAgain()).isEmpty();
      assertThat(ingestHumanitarian(other, "hdx-pcodes-mopti.csv").placedAgain()).isEmpty();
      assertThat(ingestHumanitarian(store(), dtm).unchanged()).isEqualTo(2L);
      assertThat(HumanitarianState.of(other)).isEqualTo(referenceFirst);
      assertThat(HumanitarianState.of(store())).isEqualTo(referenceFirst);
    }
  }

  @Test
  default void aTablePlacedAgainKeepsTheYearItWasGiven() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    HumanitarianIngest.ingest(
        HxlReader.inspect(fixture("pin-without-a-year.csv")),
        OptionalInt.of(2022),
        store().humanitarian());
    HumanitarianIngest.ingest(
        HxlReader.inspect(fixture("dtm-placed-by-the-reference.csv")),
        OptionalInt.empty(),
        store().humanitarian());
    List<Observation> before = store().observations().listObservations("MLI", "people_in_need");
    assertThat(before)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.edition()).isEqualTo("HRP 2022");
              assertThat(o.vintage()).isEqualTo(LocalDate.of(2022, 1, 1));
            });

    HumanitarianIngestReport reference = ingestHumanitarian(store(), "hdx-pcodes-mopti.csv");
    assertThat(reference.placedAgain()).hasSize(2);
    assertThat(store().humanitarian().listKeptTables())
        .extracting(t -> t.file().dataset(), KeptTable::year)
        .containsExactlyInAnyOrder(
            tuple("pin-without-a-year.csv", OptionalInt.of(2022)),
            tuple("dtm-placed-by-the-reference.csv", OptionalInt.empty()));
    assertThat(store().observations().listObservations("MLI", "people_in_need")).isEqualTo(before);
    assertThat(
            HumanitarianIngest.ingest(
                    HxlReader.inspect(fixture("pin-without-a-year.csv")),
                    OptionalInt.of(2022),
                    store().humanitarian())
                .unchanged())
        .isEqualTo(1);
  }

  @Test
  default void aKeptTableThatCannotBeReadAgainIsLeftAsItWasWithANote() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    // A copy no reader takes any more (as after a reader changed): nothing but a line of text.
    FileRef old = new FileRef("old-table.csv", "old-table.csv", "ab".repeat(32));
    try (ObservationWrite w = store().humanitarian().begin(old)) {
      w.keep("not a table\n".getBytes(StandardCharsets.UTF_8), OptionalInt.empty(), "stale");
      w.commit("iom-dtm", 0);
    }

    HumanitarianIngestReport reference = ingestHumanitarian(store(), "hdx-pcodes-mopti.csv");

    assertThat(reference.inserted()).isEqualTo(3);
    assertThat(reference.placedAgain()).isEmpty();
    assertThat(reference.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "not placed again against the changed admin reference: old-table.csv (")
                    .endsWith("); its rows stay as they were placed"));
    assertThat(store().humanitarian().listAdminUnits()).hasSize(3);
  }

  @Test
  default void twoReferencesThatDisagreeGiveOneReferenceWhateverTheOrder() throws IOException {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    String older = "hdx-pcodes-mopti.csv";
    String newer = "hdx-pcodes-mopti-renamed.csv";
    String dtm = "dtm-placed-by-the-reference.csv";
    ingestHumanitarian(store(), dtm);
    ingestHumanitarian(store(), older);
    ingestHumanitarian(store(), newer);
    try (Store other = secondStore()) {
      ingestHumanitarian(other, newer);
      ingestHumanitarian(other, dtm);
      ingestHumanitarian(other, older);
      HumanitarianState state = HumanitarianState.of(store());
      assertThat(HumanitarianState.of(other)).isEqualTo(state);
      // The unit valid from the later date names the P-code, whichever table came last.
      assertThat(state.reference())
          .extracting(AdminUnit::pcode, AdminUnit::name)
          .containsExactly(
              tuple("ML05", "Mopti"),
              tuple("ML0501", "Bandiagara"),
              tuple("ML0502", "Bankass Cercle"));
      assertThat(state.adminUnits()).isEqualTo(3);
      // Every further pass, in any order, changes nothing.
      for (String name : List.of(older, newer, dtm, older)) {
        HumanitarianIngestReport r = ingestHumanitarian(store(), name);
        assertThat(List.of(r.inserted(), r.updated())).as(name).containsExactly(0L, 0L);
        assertThat(r.placedAgain()).as(name).isEmpty();
      }
      assertThat(HumanitarianState.of(store())).isEqualTo(state);
    }
  }
}
