package org.harmattan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.harmattan.demo.EventTemplates.PieceKind;
import org.harmattan.demo.EventTemplates.Template;
import org.harmattan.demo.EventTemplates.Variant;
import org.junit.jupiter.api.Test;

/** The event template file: what the scenario reads from it, and how a broken file is reported. */
class EventTemplatesTest {

  private static EventTemplates parse(String yaml) {
    return EventTemplates.parse(
        yaml, "test.yaml", Set.of("protest"), Set.of("jnim", "issp"), Set.of());
  }

  @Test
  void theShippedFileHoldsTheMonthlyKindsInDrawOrderAndTheirTemplates() {
    EventTemplates t = SyntheticScenario.templates();

    assertThat(t.monthly()).hasSize(16);
    assertThat(t.monthly().get(0).event()).isEqualTo("jnim-attack");
    assertThat(t.monthly().get(0).perMonth()).isEqualTo(16);
    assertThat(t.monthly().get(0).lastYearFactor()).hasValue(1.3);
    // The rise in violence against civilians by state forces comes from the spec.
    assertThat(t.monthly())
        .filteredOn(m -> m.event().equals("state-vac"))
        .singleElement()
        .satisfies(m -> assertThat(m.lastYearFactor()).isEmpty());
    assertThat(t.templates())
        .containsKeys(
            "jnim-attack", "communal-clash", "blockade-announced", "convoy-ambush", "fuel-riot");
    Template convoy = t.getTemplate("convoy-ambush");
    assertThat(convoy.draws()).extracting(EventTemplates.Draw::name).containsExactly("trucks");
    assertThat(convoy.variants())
        .extracting(v -> v.below().isPresent() ? v.below().getAsDouble() : -1)
        .containsExactly(0.35, 0.60, 0.75, 0.90, -1.0);
    for (Template template : t.templates().values()) {
      for (Variant v : template.variants()) {
        assertThat(v.notes()).as(template.id()).isNotEmpty();
        assertThat(v.notes().get(0).kind()).as(template.id()).isEqualTo(PieceKind.ON);
      }
    }
  }

  @Test
  void aNotesPatternSplitsIntoTextAndPlaceholders() {
    EventTemplates t =
        parse(
            """
            lists:
              targets: [a patrol, a camp]
            monthly:
              - {event: convoy, places: jnim, perMonth: 2, lastYearFactor: 1.5}
            templates:
              - id: convoy
                draws:
                  - {name: trucks, min: 3, max: 60}
                type: Battles
                subType: Armed clash
                actor1: JNIM
                actor2: ARMY
                allies: 0.3
                fatalities: {zero: 0.1, mu: 1, sigma: 0.5, max: 9}
                notes: "{on}JNIM attacked {pick:targets} and {trucks} trucks {at}, burning
                  {between:2-trucks}{assoc2: with $}. {killed:soldier|soldiers}"
            """);

    Variant v = t.getTemplate("convoy").variants().get(0);
    assertThat(v.notes())
        .extracting(EventTemplates.Piece::kind)
        .containsExactly(
            PieceKind.ON,
            PieceKind.TEXT,
            PieceKind.PICK,
            PieceKind.TEXT,
            PieceKind.DRAW,
            PieceKind.TEXT,
            PieceKind.AT,
            PieceKind.TEXT,
            PieceKind.BETWEEN,
            PieceKind.ASSOC2,
            PieceKind.TEXT,
            PieceKind.KILLED);
    assertThat(v.notes().get(1).text()).isEqualTo("JNIM attacked ");
    assertThat(v.notes().get(2).words()).containsExactly("a patrol", "a camp");
    // A line break in the quoted YAML text is a single space.
    assertThat(v.notes().get(7).text()).isEqualTo(", burning ");
    assertThat(v.notes().get(8).min().value()).isEqualTo(2);
    assertThat(v.notes().get(8).max().draw()).hasValue("trucks");
    assertThat(v.notes().get(9).text()).isEqualTo(" with $");
    assertThat(v.notes().get(11).words()).containsExactly("soldier", "soldiers");
    assertThat(v.allies()).hasValue(0.3);
    assertThat(v.fatalities()).hasValueSatisfying(f -> assertThat(f.max()).isEqualTo(9));
  }

  @Test
  void aBrokenFileReportsEveryProblemAtOnceWithWhereItIs() {
    String yaml =
        """
        monthly:
          - {event: jnim-attack, places: everywhere, perMonth: 2, lastYearFactor: lots}
        templates:
          - id: clash
            type: Battle
            subType: Armed clash
            actor1: JNIMM
            actor2: ARMY
            notes: "{on}clash {at}. {killed:soldier|soldiers} {weather}"
          - id: choice
            variants:
              - type: Riots
                subType: Mob violence
                actor1: RIOTERS
                notes: "{on}a riot {at}."
              - type: Riots
                subType: Mob violence
                actor1: RIOTERS
                colour: red
                notes: "{on}a riot {at}."
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test.yaml has 10 problems")
        .hasMessageContaining("monthly kind 1: event 'jnim-attack' is neither a template")
        .hasMessageContaining("monthly kind 1: places 'everywhere' is not one of")
        .hasMessageContaining("monthly kind 1: lastYearFactor must be a number or")
        .hasMessageContaining("template 1 'clash': type 'Battle' is not one of ACLED's event types")
        .hasMessageContaining("template 1 'clash': actor1 'JNIMM' is not one of")
        .hasMessageContaining("template 1 'clash': 'allies' is missing")
        .hasMessageContaining(
            "template 1 'clash', notes {killed:soldier|soldiers}: the variant has no fatalities")
        .hasMessageContaining("template 1 'clash', notes {weather}: unknown placeholder 'weather'")
        .hasMessageContaining(
            "template 2 'choice', variant 1: 'below' is missing: every variant but the last")
        .hasMessageContaining("template 2 'choice', variant 2: unknown field 'colour'");
  }

  @Test
  void theLastVariantTakesWhatTheOthersLeave() {
    String yaml =
        """
        monthly:
          - {event: protest, places: jnim, perMonth: 1, lastYearFactor: 1}
        templates:
          - id: choice
            variants:
              - below: 0.6
                type: Riots
                subType: Mob violence
                actor1: RIOTERS
                notes: "{on}a riot {at}."
              - below: 0.9
                type: Riots
                subType: Violent demonstration
                actor1: RIOTERS
                notes: "{on}a riot {at}."
        """;

    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("test.yaml has 1 problem;")
        .hasMessageContaining("variant 2: the last variant takes what the others leave");
    EventTemplates fixed = parse(yaml.replace("below: 0.9\n        type", "type"));
    assertThat(fixed.getTemplate("choice").variants()).hasSize(2);
  }
}
