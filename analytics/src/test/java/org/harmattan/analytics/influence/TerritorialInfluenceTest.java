package org.harmattan.analytics.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.harmattan.analytics.influence.HandMadeEvents.CIVILIANS;
import static org.harmattan.analytics.influence.HandMadeEvents.CMA;
import static org.harmattan.analytics.influence.HandMadeEvents.FAMA;
import static org.harmattan.analytics.influence.HandMadeEvents.ISSP;
import static org.harmattan.analytics.influence.HandMadeEvents.JNIM;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.harmattan.analytics.influence.TerritorialInfluence.CellInfluence;
import org.harmattan.analytics.influence.TerritorialInfluence.CellStatus;
import org.harmattan.domain.figure.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dominance, decay and transfers on hand-made events, through a real store. */
class TerritorialInfluenceTest {
  private static final LocalDate END = LocalDate.of(2025, 12, 31);
  private static final String BATTLE = "Battles";
  private static final String VAC = "Violence against civilians";

  @TempDir Path dir;

  private static final H3Core H3 = H3Cells.h3();

  /** The centre of the resolution-5 cell {@code steps} cells east-ish of a point in Mopti. */
  private static LatLng centre(int ring) {
    long origin = H3.latLngToCell(14.5, -4.2, 5);
    long cell = ring == 0 ? origin : H3.gridRing(origin, ring * 4).get(0);
    return H3.cellToLatLng(cell);
  }

  private static long cellOf(LatLng p) {
    return H3.latLngToCell(p.lat, p.lng, 5);
  }

  private static CellInfluence cell(TerritorialInfluence t, LatLng p) {
    long c = cellOf(p);
    return t.listCells().stream().filter(x -> x.cell() == c).findFirst().orElseThrow();
  }

  /** Wilson's score interval, as in Agresti and Coull (1998), eq. 2. */
  private static double[] wilson(double p, double n) {
    double z = 1.959963984540054;
    double a = p + z * z / (2 * n);
    double b = z * Math.sqrt((p * (1 - p) + z * z / (4 * n)) / n);
    double c = 1 + z * z / n;
    return new double[] {(a - b) / c, (a + b) / c};
  }

  @Test
  void eventsOfOnePointDayAndActorsCountWeighAndCiteEachOne() throws IOException {
    LatLng a = centre(0);
    HandMadeEvents ev = new HandMadeEvents();
    // Three alike attacks 90 days (one half-life) before the end, one on the last day.
    for (int i = 0; i < 3; i++) {
      ev.add(END.minusDays(90), VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 2);
    }
    ev.add(END, VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 1);

    TerritorialInfluence t = ev.compute(dir, InfluenceOptions.defaults());

    assertThat(t.getFigure("influence.jnim.events").getValue()).isEqualTo(4);
    assertThat(t.getFigure("influence.jnim.activity").getValue())
        .isCloseTo(3 * 0.5 + 1, within(1e-12));
    assertThat(t.getFigure("influence.jnim.events").citation().eventIds())
        .containsExactly(
            HandMadeEvents.id(1), HandMadeEvents.id(2), HandMadeEvents.id(3), HandMadeEvents.id(4));
    CellInfluence ca = cell(t, a);
    assertThat(ca.events()).isEqualTo(4);
    assertThat(ca.actors()).singleElement().satisfies(x -> assertThat(x.fatalities()).isEqualTo(7));
    assertThat(t.listHotCells()).allSatisfy(h -> assertThat(h.events()).isEqualTo(4));
  }

  @Test
  void aCellIsDominantContestedOrThinByShareAndEventCount() throws IOException {
    LatLng a = centre(0);
    LatLng b = centre(1);
    LatLng c = centre(2);
    HandMadeEvents ev = new HandMadeEvents();
    for (int i = 0; i < 4; i++) {
      ev.add(END, VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 1);
    }
    ev.add(END, BATTLE, "Armed clash", JNIM, FAMA, a.lat, a.lng, 3);
    ev.add(END, BATTLE, "Armed clash", JNIM, FAMA, b.lat, b.lng, 0);
    ev.add(END, BATTLE, "Armed clash", FAMA, JNIM, b.lat, b.lng, 0);
    ev.add(END, BATTLE, "Armed clash", FAMA, JNIM, b.lat, b.lng, 2);
    ev.add(END, VAC, "Attack", JNIM, CIVILIANS, c.lat, c.lng, 0);

    TerritorialInfluence t = ev.compute(dir, InfluenceOptions.defaults());

    CellInfluence ca = cell(t, a);
    // A: JNIM in 5 events, the army in 1: 5 of 6 attributions, all on the last day (weight 1)
    assertThat(ca.status()).isEqualTo(CellStatus.DOMINANT);
    assertThat(ca.dominantActorId()).isEqualTo("jnim");
    assertThat(ca.share()).isCloseTo(5.0 / 6, within(1e-12));
    double[] ci = wilson(5.0 / 6, 6);
    assertThat(ca.shareLow()).isCloseTo(ci[0], within(1e-9));
    assertThat(ca.shareHigh()).isCloseTo(ci[1], within(1e-9));
    assertThat(ca.shareLow()).isLessThan(0.5);
    assertThat(ca.events()).isEqualTo(5);
    // B: three battles between the same two actors: half each
    CellInfluence cb = cell(t, b);
    assertThat(cb.status()).isEqualTo(CellStatus.CONTESTED);
    assertThat(cb.share()).isCloseTo(0.5, within(1e-12));
    // C: one event
    assertThat(cell(t, c).status()).isEqualTo(CellStatus.THIN_EVIDENCE);

    assertThat(t.getFigure("influence.jnim.cells").getValue()).isEqualTo(3);
    assertThat(t.getFigure("influence.jnim.dominant_cells").getValue()).isEqualTo(1);
    assertThat(t.getFigure("influence.mali_state_forces.cells").getValue()).isEqualTo(2);
    assertThat(t.getFigure("influence.mali_state_forces.dominant_cells").getValue()).isZero();
    assertThat(t.getFigure("influence.contested_cells").getValue()).isEqualTo(1);
    assertThat(t.getFigure("influence.dominant_cells").getValue()).isEqualTo(1);
    assertThat(t.getFigure("influence.thin_cells").getValue()).isEqualTo(1);
    // the dominance at A does not survive the low end of its interval (below 50 %)
    assertThat(t.getFigure("influence.dominant_cells.robust").getValue()).isZero();
    assertThat(t.getFigure("influence.contested_share").getValue()).isCloseTo(0.5, within(1e-12));
    assertThat(t.getFigure("influence.contested_cells").citation().eventIds())
        .containsExactlyInAnyOrder(
            HandMadeEvents.id(6), HandMadeEvents.id(7), HandMadeEvents.id(8));
    assertThat(t.getFigure("influence.jnim.events").getValue()).isEqualTo(9);
    assertThat(t.getFigure("influence.jnim.cells").citation().recordCount()).isEqualTo(9);
    assertThat(t.getFigure("influence.jnim.cells").filters())
        .containsEntry("country", "MLI")
        .containsEntry("h3_resolution", "5")
        .containsEntry("period", "2025-01-01..2025-12-31");
    // civilians are never an influence actor
    assertThat(t.findFigure("influence.civilians.cells")).isEmpty();
    assertThat(t.listActors())
        .extracting(x -> x.actor().id())
        .containsExactly("jnim", "mali_state_forces");
  }

  @Test
  void olderEventsWeighLessWithTheHalfLife() throws IOException {
    LatLng a = centre(0);
    HandMadeEvents ev = new HandMadeEvents();
    // JNIM twice, 180 days before the end (two half-lives: weight 1/4 each) ...
    ev.add(END.minusDays(180), VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 0);
    ev.add(END.minusDays(180), VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 0);
    // ... IS Sahel twice, on the last day (weight 1 each)
    ev.add(END, VAC, "Attack", ISSP, CIVILIANS, a.lat, a.lng, 0);
    ev.add(END, VAC, "Attack", ISSP, CIVILIANS, a.lat, a.lng, 0);

    TerritorialInfluence t = ev.compute(dir, InfluenceOptions.defaults());

    CellInfluence ca = cell(t, a);
    assertThat(ca.dominantActorId()).isEqualTo("is_sahel");
    // 2 / (2 + 2 × 1/4)
    assertThat(ca.share()).isCloseTo(0.8, within(1e-12));
    assertThat(ca.status()).isEqualTo(CellStatus.DOMINANT);
    assertThat(t.getFigure("influence.jnim.activity").getValue()).isCloseTo(0.5, within(1e-12));
    assertThat(t.getFigure("influence.is_sahel.activity").getValue()).isCloseTo(2, within(1e-12));
    // Kish's effective size: (2.5)² / (2 × 1/16 + 2) = 2.941…
    double nEff = 2.5 * 2.5 / (2.0 / 16 + 2);
    assertThat(ca.shareLow()).isCloseTo(wilson(0.8, nEff)[0], within(1e-9));

    // with a half-life of 10 years the four events weigh almost alike: a tie, contested
    TerritorialInfluence slow = ev.compute(dir, InfluenceOptions.defaults().withHalfLifeDays(3650));
    assertThat(cell(slow, a).share()).isCloseTo(0.5, within(0.02));
    assertThat(cell(slow, a).status()).isEqualTo(CellStatus.CONTESTED);
  }

  @Test
  void territoryTransfersAreListedAndCountedByActorOne() throws IOException {
    LatLng a = centre(0);
    LatLng b = centre(1);
    HandMadeEvents ev = new HandMadeEvents();
    ev.add(
        LocalDate.of(2025, 3, 1),
        BATTLE,
        "Non-state actor overtakes territory",
        JNIM,
        FAMA,
        a.lat,
        a.lng,
        5);
    ev.add(
        LocalDate.of(2025, 4, 1),
        BATTLE,
        "Government regains territory",
        FAMA,
        JNIM,
        a.lat,
        a.lng,
        2);
    ev.add(
        LocalDate.of(2025, 5, 1),
        "Strategic developments",
        "Non-violent transfer of territory",
        CMA,
        null,
        b.lat,
        b.lng,
        0);
    ev.add(
        LocalDate.of(2025, 6, 1),
        "Strategic developments",
        "Agreement",
        CMA,
        FAMA,
        b.lat,
        b.lng,
        0);
    ev.add(
        LocalDate.of(2024, 6, 1),
        BATTLE,
        "Government regains territory",
        FAMA,
        JNIM,
        a.lat,
        a.lng,
        0);

    TerritorialInfluence t = ev.compute(dir, InfluenceOptions.defaults());

    assertThat(t.listTransfers())
        .extracting(TerritorialInfluence.Transfer::eventId)
        .containsExactly(HandMadeEvents.id(1), HandMadeEvents.id(2), HandMadeEvents.id(3));
    TerritorialInfluence.Transfer first = t.listTransfers().get(0);
    assertThat(first.actorId()).isEqualTo("jnim");
    assertThat(first.actorIds()).containsExactly("jnim", "mali_state_forces");
    assertThat(first.cell()).isEqualTo(cellOf(a));
    assertThat(first.location()).isEqualTo("Place MLI8001");
    assertThat(t.listTransfers().get(2).actorId()).isEqualTo("cma");
    Figure all = t.getFigure("territory.transfers");
    assertThat(all.getValue()).isEqualTo(3);
    assertThat(all.citation().eventIds())
        .containsExactly(HandMadeEvents.id(1), HandMadeEvents.id(2), HandMadeEvents.id(3));
    assertThat(t.getFigure("territory.transfers.jnim").getValue()).isEqualTo(1);
    assertThat(t.getFigure("territory.transfers.mali_state_forces").getValue()).isEqualTo(1);
    assertThat(t.getFigure("territory.transfers.cma").getValue()).isEqualTo(1);
    assertThat(t.transferFigures()).containsOnlyKeys("cma", "jnim", "mali_state_forces");
    // the non-violent transfer is no political violence: CMA gets no influence cells
    assertThat(t.findFigure("influence.cma.cells")).isEmpty();
    assertThat(t.getFigure("influence.jnim.cells").getValue()).isEqualTo(1);
    assertThat(
            t.listActors().stream()
                .filter(x -> x.actor().id().equals("jnim"))
                .findFirst()
                .orElseThrow()
                .transfersFigure())
        .isEqualTo("territory.transfers.jnim");
  }

  @Test
  void withoutAnOutlineTheDiffusionShareIsMissingWithANote() throws IOException {
    LatLng a = centre(0);
    HandMadeEvents ev = new HandMadeEvents();
    for (int i = 0; i < 10; i++) {
      ev.add(END.minusDays(i), VAC, "Attack", JNIM, CIVILIANS, a.lat, a.lng, 0);
    }
    // 9 events in one far place: not enough
    LatLng b = centre(2);
    for (int i = 0; i < 9; i++) {
      ev.add(END.minusDays(i), VAC, "Attack", JNIM, CIVILIANS, b.lat, b.lng, 0);
    }

    TerritorialInfluence t = ev.compute(dir, InfluenceOptions.defaults());

    assertThat(t.getFigure("diffusion.cells_10plus").getValue()).isEqualTo(1);
    assertThat(t.getFigure("diffusion.cells_10plus").citation().recordCount()).isEqualTo(10);
    Figure share = t.getFigure("diffusion.share");
    assertThat(share.value()).isNull();
    assertThat(share.note()).contains("outline is missing");
    assertThat(share.unit()).isEqualTo("share");
    assertThat(t.diffusionPeriod()).isEqualTo(HandMadeEvents.YEAR_2025);
  }
}
