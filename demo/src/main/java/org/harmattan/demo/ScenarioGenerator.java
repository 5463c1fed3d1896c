package org.harmattan.demo;

import static org.harmattan.demo.ScenarioActor.ARMY;
import static org.harmattan.demo.ScenarioActor.CIVILIANS;
import static org.harmattan.demo.ScenarioActor.DOZO;
import static org.harmattan.demo.ScenarioActor.FULANI_MILITIA;
import static org.harmattan.demo.ScenarioActor.ISSP;
import static org.harmattan.demo.ScenarioActor.JNIM;
import static org.harmattan.demo.ScenarioActor.POLICE;
import static org.harmattan.demo.ScenarioActor.PROTESTERS;
import static org.harmattan.demo.ScenarioActor.RIOTERS;
import static org.harmattan.demo.SyntheticScenario.AFRICA_CORPS;
import static org.harmattan.demo.SyntheticScenario.AFRICA_CORPS_FROM;
import static org.harmattan.demo.SyntheticScenario.BATTLES;
import static org.harmattan.demo.SyntheticScenario.EXPLOSIONS;
import static org.harmattan.demo.SyntheticScenario.FRONT_DECEMBER_KM;
import static org.harmattan.demo.SyntheticScenario.FRONT_JANUARY_KM;
import static org.harmattan.demo.SyntheticScenario.PROTESTS;
import static org.harmattan.demo.SyntheticScenario.PULL_DECEMBER;
import static org.harmattan.demo.SyntheticScenario.PULL_JANUARY;
import static org.harmattan.demo.SyntheticScenario.RIOTS;
import static org.harmattan.demo.SyntheticScenario.TRANSPORT_WORKERS;
import static org.harmattan.demo.SyntheticScenario.VAC;
import static org.harmattan.demo.SyntheticScenario.WAGNER;
import static org.harmattan.demo.SyntheticScenario.noteDate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.demo.SyntheticScenario.ScenarioSpec;

/**
 * One run of the scenario ({@link SyntheticScenario}); all randomness flows from one generator, in
 * one fixed order.
 */
final class ScenarioGenerator {
  /** Chooses a place for an event on a date. */
  @FunctionalInterface
  private interface Placer {
    Place place(LocalDate date);
  }

  /** Makes an event at a place on a date. */
  @FunctionalInterface
  private interface Maker {
    Draft make(LocalDate date, Place place);
  }

  /**
   * A kind of event: how many a month before the last year, the factor in the last year, where and
   * what.
   */
  private record Kind(double perMonth, double lastYearFactor, Placer placer, Maker maker) {}

  /** The events made in code, whose shapes the templates do not cover. */
  private static final Set<String> CODED_EVENTS =
      Set.of("issp-battle", "drone-strike", "state-vac", "militia-vac", "protest", "riot");

  private static final Set<String> PLACE_LISTS =
      Set.of("jnim", "issp", "state-operations", "militias", "banditry", "town-or-bamako");

  static final EventTemplates TEMPLATES =
      EventTemplates.readShipped(
          CODED_EVENTS,
          PLACE_LISTS,
          Set.of(
              "jnim-attack", "communal-clash", "blockade-announced", "convoy-ambush", "fuel-riot"));

  private static final int BLOCKADE_PER_MONTH = 30;
  private static final int FUEL_PROTESTS_PER_MONTH = 7;
  private static final double FUEL_RIOTS_PER_MONTH = 1.5;
  private static final double SURGE_PER_DAY = 1.8;
  private static final int FUEL_PROTEST_DELAY_DAYS = 10;

  private final ScenarioSpec spec;
  private final Rng rng;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<List<Place>> fronts = new ArrayList<>();
  private final Maker jnimAttack = template("jnim-attack");
  private final Maker communalClash = template("communal-clash");
  private final Maker blockadeAnnounced = template("blockade-announced");
  private final Maker convoyAmbush = template("convoy-ambush");
  private final Maker fuelRiot = template("fuel-riot");

  ScenarioGenerator(ScenarioSpec spec) {
    this.spec = spec;
    this.rng = new Rng(spec.seed());
    for (int month = 1; month <= 12; month++) {
      fronts.add(frontPlaces(month));
    }
  }

  /**
   * The maker of an event the template file names: the code for irregular shapes, else its
   * template.
   */
  private Maker maker(String event) {
    return switch (event) {
      case "issp-battle" -> this::isspBattle;
      case "drone-strike" -> this::droneStrike;
      case "state-vac" -> this::stateVac;
      case "militia-vac" -> this::militiaVac;
      case "protest" -> this::protest;
      case "riot" -> this::riot;
      default -> template(event);
    };
  }

  private Placer placer(String places) {
    return switch (places) {
      case "jnim" -> this::jnimPlace;
      case "issp" -> d -> rng.pickWeighted(Gazetteer.ISSP);
      case "state-operations" -> d -> rng.pickWeighted(Gazetteer.STATE_OPERATIONS);
      case "militias" -> d -> rng.pickWeighted(Gazetteer.MILITIAS);
      case "banditry" -> d -> rng.pickWeighted(Gazetteer.BANDITRY);
      case "town-or-bamako" -> this::townOrBamako;
      default -> throw new IllegalStateException("no place list '" + places + "'");
    };
  }

  private Maker template(String id) {
    EventTemplates.Template t = TEMPLATES.getTemplate(id);
    return (date, place) -> fromTemplate(t, date, place);
  }

  // ---- templates ----------------------------------------------------------------------------

  /** An event of template {@code t}, drawn in the order {@link EventTemplates.Variant} gives. */
  private Draft fromTemplate(EventTemplates.Template t, LocalDate date, Place place) {
    List<EventTemplates.Variant> variants = t.variants();
    EventTemplates.Variant v = variants.get(variants.size() - 1);
    if (variants.size() > 1) {
      double r = rng.uniform();
      for (EventTemplates.Variant candidate : variants) {
        if (candidate.below().isEmpty() || r < candidate.below().getAsDouble()) {
          v = candidate;
          break;
        }
      }
    }
    Map<String, Integer> drawn = new HashMap<>();
    for (EventTemplates.Draw draw : t.draws()) {
      drawn.put(draw.name(), rng.between(draw.min(), draw.max()));
    }
    Draft d = draft(date, place, v.eventType(), v.subEventType());
    if (v.geoPrecision().isPresent()) {
      d.geoPrecision = v.geoPrecision().getAsInt();
    }
    if (v.vagueDate()) {
      vagueDate(d);
    }
    double allies = v.allies().orElse(0);
    if (v.actor1() == ARMY) {
      army(d, true, allies);
    } else {
      actor1(d, v.actor1());
    }
    if (v.actor2().isPresent()
        && (v.actor2Chance().isEmpty() || rng.chance(v.actor2Chance().getAsDouble()))) {
      if (v.actor2().get() == ARMY) {
        army(d, false, allies);
      } else {
        actor2(d, v.actor2().get());
      }
    }
    if (v.assoc2().equals(EventTemplates.CIVILIAN_GROUP)) {
      d.assoc2 = civilianGroup(place);
    } else if (!v.assoc2().isEmpty()) {
      boolean named = v.assoc2Chance().isEmpty() || rng.chance(v.assoc2Chance().getAsDouble());
      d.assoc2 = named ? v.assoc2() : "";
    }
    if (v.fatalities().isPresent()) {
      EventTemplates.Fatalities f = v.fatalities().get();
      d.fatalities = rng.skewedCount(f.zero(), f.mu(), f.sigma(), f.max());
    }
    StringBuilder notes = new StringBuilder();
    for (EventTemplates.Piece piece : v.notes()) {
      notes.append(write(piece, d, drawn));
    }
    d.notes = notes.toString();
    return d;
  }

  private String write(EventTemplates.Piece p, Draft d, Map<String, Integer> drawn) {
    return switch (p.kind()) {
      case TEXT -> p.text();
      case ON -> on(d.date);
      case AT -> at(d);
      case CORRIDOR -> corridor(d.place);
      case DRAW -> String.valueOf(drawn.get(p.text()));
      case KILLED -> killed(d.fatalities, p.words().get(0), p.words().get(1));
      case KILLED_BOTH_SIDES -> killedBothSides(d.fatalities, p.words().get(0), p.words().get(1));
      case COUNT ->
          count(
              rng.between(value(p.min(), drawn), value(p.max(), drawn)),
              p.words().get(0),
              p.words().get(1));
      case BETWEEN -> String.valueOf(rng.between(value(p.min(), drawn), value(p.max(), drawn)));
      case PICK -> p.words().get(rng.below(p.words().size()));
      case ASSOC1 -> d.assoc1.isEmpty() ? "" : p.text().replace("$", d.assoc1);
      case ASSOC2 -> d.assoc2.isEmpty() ? "" : p.text().replace("$", d.assoc2);
    };
  }

  private static int value(EventTemplates.Bound b, Map<String, Integer> drawn) {
    return b.draw().map(drawn::get).orElse(b.value());
  }

  List<Draft> generate() {
    double stateFactor = 1 + spec.stateViolenceIncreasePercent() / 100.0;
    List<Kind> kinds = new ArrayList<>();
    for (EventTemplates.Monthly m : TEMPLATES.monthly()) {
      kinds.add(
          new Kind(
              m.perMonth(),
              m.lastYearFactor().orElse(stateFactor),
              placer(m.places()),
              maker(m.event())));
    }
    YearMonth last = YearMonth.of(spec.lastYear(), 12);
    for (YearMonth ym = YearMonth.of(spec.firstYear(), 1);
        !ym.isAfter(last);
        ym = ym.plusMonths(1)) {
      boolean lastYear = ym.getYear() == spec.lastYear();
      for (Kind kind : kinds) {
        double rate = kind.perMonth() * spec.intensity();
        int n = rng.count(lastYear ? rate * kind.lastYearFactor() : rate);
        for (int i = 0; i < n; i++) {
          LocalDate date = ym.atDay(1 + rng.below(ym.lengthOfMonth()));
          drafts.add(kind.maker().make(date, kind.placer().place(date)));
        }
      }
      blockade(ym);
    }
    surge();
    // Stable: events of one day keep the order they were drawn in.
    drafts.sort(Comparator.comparing((Draft d) -> d.date));
    return drafts;
  }

  // ---- places -------------------------------------------------------------------------------

  /**
   * JNIM's places: its usual areas, and, in the last year, a growing share on a front that closes
   * in on Bamako from 450 km in January to 40 km in December.
   */
  private Place jnimPlace(LocalDate date) {
    if (date.getYear() == spec.lastYear()) {
      int month = date.getMonthValue();
      double pull = PULL_JANUARY + (PULL_DECEMBER - PULL_JANUARY) * (month - 1) / 11.0;
      if (rng.chance(pull)) {
        return rng.pick(fronts.get(month - 1));
      }
    }
    return rng.pickWeighted(Gazetteer.JNIM);
  }

  private static double frontKm(int month) {
    return FRONT_JANUARY_KM - (month - 1) * (FRONT_JANUARY_KM - FRONT_DECEMBER_KM) / 11.0;
  }

  /** The named places between half the front's reach and its reach from Bamako. */
  private static List<Place> frontPlaces(int month) {
    double reach = frontKm(month);
    List<Place> out = new ArrayList<>();
    Place nearest = null;
    for (Place p : Gazetteer.all()) {
      double d = p.distanceKm(Gazetteer.BAMAKO);
      if (d >= reach / 2 && d <= reach) {
        out.add(p);
      }
      if (nearest == null
          || Math.abs(d - 0.75 * reach)
              < Math.abs(nearest.distanceKm(Gazetteer.BAMAKO) - 0.75 * reach)) {
        nearest = p;
      }
    }
    return out.isEmpty() ? List.of(nearest) : List.copyOf(out);
  }

  private Place townOrBamako(LocalDate date) {
    return rng.chance(0.5)
        ? rng.pick(Gazetteer.BAMAKO_COMMUNES)
        : rng.pickWeighted(Gazetteer.TOWNS);
  }

  // ---- shared pieces ------------------------------------------------------------------------

  private Draft draft(LocalDate date, Place place, String type, String subType) {
    Draft d = new Draft(date, place, type, subType);
    boolean bamako = place.admin1().equals("Bamako");
    d.geoPrecision = !bamako && rng.chance(0.3) ? 2 : 1;
    double jitter = d.geoPrecision == 2 ? 0.045 : bamako ? 0.01 : 0.015;
    d.latitude = place.latitude() + (rng.uniform() * 2 - 1) * jitter;
    d.longitude = place.longitude() + (rng.uniform() * 2 - 1) * jitter;
    return d;
  }

  /** Political violence is sometimes known only to the week or month. */
  private void vagueDate(Draft d) {
    double r = rng.uniform();
    d.timePrecision = r < 0.02 ? 3 : r < 0.10 ? 2 : 1;
  }

  /** "On 14 March 2025, " */
  private static String on(LocalDate date) {
    return "On " + noteDate(date) + ", ";
  }

  /** "in Diéma (Diéma, Kayes)" or "near …" as the precision says. */
  private static String at(Draft d) {
    Place p = d.place;
    String where =
        p.admin1().equals("Bamako")
            ? p.location() + " (" + p.admin3() + ")"
            : p.location() + " (" + p.admin2() + ", " + p.admin1() + ")";
    return (d.geoPrecision == 2 ? "near " : "in ") + where;
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** "4 soldiers were killed." or "No fatalities were reported." */
  private static String killed(int n, String singular, String plural) {
    if (n == 0) {
      return "No fatalities were reported.";
    }
    return count(n, singular, plural) + (n == 1 ? " was killed." : " were killed.");
  }

  /** Splits the dead between two sides: "3 soldiers and 5 militants were killed." */
  private String killedBothSides(int n, String side1, String side2) {
    if (n < 2 || rng.chance(0.3)) {
      return killed(n, "person", "people");
    }
    int a = rng.between(1, n - 1);
    return count(a, side1, plural(side1))
        + " and "
        + count(n - a, side2, plural(side2))
        + " were killed.";
  }

  private static String plural(String noun) {
    return noun.endsWith("man") ? noun.substring(0, noun.length() - 3) + "men" : noun + "s";
  }

  private String russianAllies(LocalDate date) {
    return date.isBefore(AFRICA_CORPS_FROM) ? WAGNER : AFRICA_CORPS;
  }

  private void army(Draft d, boolean first, double alliesProbability) {
    String assoc = rng.chance(alliesProbability) ? russianAllies(d.date) : "";
    if (first) {
      d.actor1 = ARMY.acledName();
      d.assoc1 = assoc;
      d.inter1 = ARMY.inter();
    } else {
      d.actor2 = ARMY.acledName();
      d.assoc2 = assoc;
      d.inter2 = ARMY.inter();
    }
  }

  private static void actor1(Draft d, ScenarioActor a) {
    d.actor1 = a.acledName();
    d.inter1 = a.inter();
  }

  private static void actor2(Draft d, ScenarioActor a) {
    d.actor2 = a.acledName();
    d.inter2 = a.inter();
  }

  private String civilianGroup(Place p) {
    String[] groups =
        p.admin1().equals("Mopti")
            ? new String[] {
              "Fulani Ethnic Group (Mali)",
              "Dogon Ethnic Group (Mali)",
              "Bambara Ethnic Group (Mali)"
            }
            : new String[] {
              "Fulani Ethnic Group (Mali)", "Bambara Ethnic Group (Mali)", "Farmers (Mali)"
            };
    return rng.chance(0.6) ? groups[rng.below(groups.length)] : "";
  }

  // ---- political violence -------------------------------------------------------------------

  private Draft isspBattle(LocalDate date, Place place) {
    Draft d = draft(date, place, BATTLES, "Armed clash");
    vagueDate(d);
    actor1(d, ISSP);
    boolean vsJnim = rng.chance(0.4);
    if (vsJnim) {
      actor2(d, JNIM);
    } else {
      army(d, false, 0.3);
    }
    d.fatalities = rng.skewedCount(0.2, 1.5, 1.0, 120);
    d.notes =
        on(date)
            + "Islamic State Sahel Province (IS Sahel) militants clashed with "
            + (vsJnim ? "JNIM militants" : "FAMa soldiers")
            + " "
            + at(d)
            + ". "
            + killedBothSides(d.fatalities, vsJnim ? "IS Sahel militant" : "soldier", "militant");
    return d;
  }

  private Draft droneStrike(LocalDate date, Place place) {
    Draft d = draft(date, place, EXPLOSIONS, "Air/drone strike");
    army(d, true, 0.2);
    boolean civilians = rng.chance(0.3);
    if (civilians) {
      actor2(d, CIVILIANS);
      d.assoc2 = civilianGroup(place);
      d.fatalities = rng.skewedCount(0.1, 1.4, 1.0, 60);
      d.notes =
          on(date)
              + "a FAMa drone struck a weekly market (foire) "
              + at(d)
              + ". "
              + killed(d.fatalities, "civilian", "civilians")
              + " The army said it had targeted a JNIM gathering.";
    } else {
      actor2(d, JNIM);
      d.fatalities = rng.skewedCount(0.2, 1.4, 1.0, 80);
      d.notes =
          on(date)
              + "FAMa drones struck a suspected JNIM position "
              + at(d)
              + ". "
              + killed(d.fatalities, "militant", "militants");
    }
    return d;
  }

  private Draft stateVac(LocalDate date, Place place) {
    double r = rng.uniform();
    String sub =
        r < 0.72 ? "Attack" : r < 0.95 ? "Abduction/forced disappearance" : "Sexual violence";
    Draft d = draft(date, place, VAC, sub);
    vagueDate(d);
    if (rng.chance(0.06)) {
      actor1(d, POLICE);
    } else {
      army(d, true, 0.55);
    }
    actor2(d, CIVILIANS);
    d.assoc2 = civilianGroup(place);
    String who =
        d.actor1.equals(POLICE.acledName())
            ? "Police officers"
            : "FAMa soldiers"
                + (d.assoc1.isEmpty() ? "" : " accompanied by " + d.assoc1 + " fighters");
    switch (sub) {
      case "Attack" -> {
        d.fatalities = rng.skewedCount(0.12, 1.1, 1.0, 90);
        d.notes =
            on(date)
                + who
                + " raided the village "
                + at(d)
                + " during a counter-insurgency operation and executed civilians accused of"
                + " collaborating with JNIM. "
                + killed(d.fatalities, "civilian", "civilians");
      }
      case "Abduction/forced disappearance" -> {
        int k = rng.between(1, 12);
        d.notes =
            on(date)
                + who
                + " arrested "
                + count(k, "civilian", "civilians")
                + " at the market "
                + at(d)
                + "; their whereabouts remain unknown.";
      }
      default ->
          d.notes =
              on(date) + who + " reportedly raped a woman " + at(d) + " during a search operation.";
    }
    return d;
  }

  private Draft militiaVac(LocalDate date, Place place) {
    Draft d = draft(date, place, VAC, "Attack");
    boolean dozo = rng.chance(0.6);
    actor1(d, dozo ? DOZO : FULANI_MILITIA);
    actor2(d, CIVILIANS);
    d.assoc2 = dozo ? "Fulani Ethnic Group (Mali)" : "Bambara Ethnic Group (Mali)";
    d.fatalities = rng.skewedCount(0.15, 1.1, 1.0, 80);
    d.notes =
        on(date)
            + (dozo
                ? "Dozo hunters attacked Fulani herders "
                : "Fulani militiamen attacked Bambara farmers ")
            + at(d)
            + " in a dispute over land and cattle. "
            + killed(d.fatalities, "civilian", "civilians");
    return d;
  }

  // ---- demonstrations -----------------------------------------------------------------------

  private static final String[] GRIEVANCES = {
    "against power cuts (délestages)",
    "against the rising cost of living",
    "against insecurity on the roads",
    "to demand the payment of teachers' salary arrears",
    "in support of the transitional authorities",
    "against the arrest of a local religious leader",
    "to demand the reopening of the weekly market"
  };

  private Draft protest(LocalDate date, Place place) {
    return protest(date, place, GRIEVANCES[rng.below(GRIEVANCES.length)], "residents");
  }

  private Draft protest(LocalDate date, Place place, String about, String who) {
    double r = rng.uniform();
    String sub =
        r < 0.82
            ? "Peaceful protest"
            : r < 0.97 ? "Protest with intervention" : "Excessive force against protesters";
    Draft d = draft(date, place, PROTESTS, sub);
    actor1(d, PROTESTERS);
    d.extraTag =
        "crowd size=" + (rng.chance(0.7) ? "no report" : "around " + rng.between(2, 40) * 50);
    String base = on(date) + who + " demonstrated " + at(d) + " " + about + ". ";
    switch (sub) {
      case "Peaceful protest" -> d.notes = base + "[" + d.extraTag + "]";
      case "Protest with intervention" -> {
        actor2(d, POLICE);
        d.notes = base + "Police dispersed the crowd with tear gas. [" + d.extraTag + "]";
      }
      default -> {
        actor2(d, POLICE);
        d.fatalities = rng.between(1, 3);
        d.notes =
            base
                + "Police fired live rounds to disperse the crowd. "
                + killed(d.fatalities, "protester", "protesters")
                + " ["
                + d.extraTag
                + "]";
      }
    }
    return d;
  }

  private Draft riot(LocalDate date, Place place) {
    boolean mob = rng.chance(0.3);
    Draft d = draft(date, place, RIOTS, mob ? "Mob violence" : "Violent demonstration");
    actor1(d, RIOTERS);
    if (mob) {
      actor2(d, CIVILIANS);
      d.fatalities = rng.chance(0.5) ? 1 : 0;
      d.notes =
          on(date)
              + "a mob lynched a man accused of theft "
              + at(d)
              + ". "
              + killed(d.fatalities, "person", "people");
    } else {
      if (rng.chance(0.5)) {
        actor2(d, POLICE);
      }
      d.notes =
          on(date)
              + "youths burned tyres and threw stones at the police "
              + at(d)
              + " after a road accident. "
              + killed(d.fatalities, "person", "people");
    }
    return d;
  }

  // ---- the fuel blockade --------------------------------------------------------------------

  private void blockade(YearMonth ym) {
    LocalDate start = spec.blockadeStart();
    LocalDate first = ym.atDay(1);
    LocalDate last = ym.atEndOfMonth();
    if (ym.equals(YearMonth.from(start))) {
      drafts.add(blockadeAnnounced.make(start, Gazetteer.get("Nioro du Sahel")));
    }
    addOver(max(first, start), last, BLOCKADE_PER_MONTH, ym, convoyAmbush, this::corridorPlace);
    LocalDate protestsFrom = start.plusDays(FUEL_PROTEST_DELAY_DAYS);
    addOver(
        max(first, protestsFrom),
        last,
        FUEL_PROTESTS_PER_MONTH,
        ym,
        this::fuelProtest,
        d -> rng.chance(0.85) ? rng.pick(Gazetteer.BAMAKO_COMMUNES) : Gazetteer.get("Kati"));
    addOver(
        max(first, protestsFrom),
        last,
        FUEL_RIOTS_PER_MONTH,
        ym,
        fuelRiot,
        d -> rng.pick(Gazetteer.BAMAKO_COMMUNES));
  }

  /** Adds events at {@code perMonth} over the days from..to of one month. */
  private void addOver(
      LocalDate from, LocalDate to, double perMonth, YearMonth ym, Maker maker, Placer placer) {
    if (from.isAfter(to)) {
      return;
    }
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    int n = rng.count(perMonth * spec.intensity() * days / ym.lengthOfMonth());
    for (int i = 0; i < n; i++) {
      LocalDate date = from.plusDays(rng.below(days));
      drafts.add(maker.make(date, placer.place(date)));
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private Place corridorPlace(LocalDate date) {
    return rng.chance(0.6)
        ? rng.pickWeighted(Gazetteer.DAKAR_CORRIDOR)
        : rng.pickWeighted(Gazetteer.ABIDJAN_CORRIDOR);
  }

  private static String corridor(Place p) {
    return p.admin1().equals("Sikasso")
            || p.location().equals("Ouéléssébougou")
            || p.location().equals("Sanankoroba")
        ? "the Abidjan-Bamako corridor"
        : "the Dakar-Bamako corridor";
  }

  private static final String[] FUEL_GRIEVANCES = {
    "against the fuel shortage (pénurie de carburant) caused by the JNIM blockade",
    "against hours-long queues at filling stations during the fuel shortage",
    "against the rise in transport fares that followed the fuel shortage",
    "to demand that the government secure fuel convoys"
  };

  private static final String[] FUEL_PROTESTERS = {
    "motorists and moto-taxi drivers", "residents", "transport workers", "traders"
  };

  private Draft fuelProtest(LocalDate date, Place place) {
    Draft d =
        protest(
            date,
            place,
            FUEL_GRIEVANCES[rng.below(FUEL_GRIEVANCES.length)],
            FUEL_PROTESTERS[rng.below(FUEL_PROTESTERS.length)]);
    if (d.notes.contains("transport workers")) {
      d.assoc1 = TRANSPORT_WORKERS;
    }
    return d;
  }

  // ---- the surge ----------------------------------------------------------------------------

  /**
   * Extra violence in one region over the last days: mostly a cycle of Dozo and Fulani militia
   * reprisals and army operations, with some JNIM attacks.
   */
  private void surge() {
    List<Gazetteer.Weighted> places = Gazetteer.inAdmin1(spec.surgeAdmin1());
    LocalDate to = spec.end();
    LocalDate from = to.minusDays(spec.surgeDays() - 1L);
    int n = rng.count(SURGE_PER_DAY * spec.intensity() * spec.surgeDays());
    for (int i = 0; i < n; i++) {
      LocalDate date = from.plusDays(rng.below(spec.surgeDays()));
      Place place = rng.pickWeighted(places);
      double r = rng.uniform();
      Draft d;
      if (r < 0.20) {
        d = jnimAttack.make(date, place);
      } else if (r < 0.45) {
        d = communalClash.make(date, place);
      } else if (r < 0.70) {
        d = militiaVac(date, place);
      } else if (r < 0.90) {
        d = stateVac(date, place);
      } else {
        d = droneStrike(date, place);
      }
      drafts.add(d);
    }
  }
}
