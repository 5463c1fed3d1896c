package org.harmattan.service.brief;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.analytics.capital.CapitalAdvance;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.RoadGraph;
import org.harmattan.analytics.humanitarian.AreaRow;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.analytics.indicators.DeadliestIncidents;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.analytics.influence.InfluenceOptions;
import org.harmattan.analytics.influence.TerritorialInfluence;
import org.harmattan.analytics.regions.Admin1Regions;
import org.harmattan.analytics.regions.PlaceNames;
import org.harmattan.briefs.assemble.AdvisorySection;
import org.harmattan.briefs.assemble.BaseMaps;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.assemble.CorridorSection;
import org.harmattan.briefs.assemble.Headlines;
import org.harmattan.briefs.assemble.HumanitarianSection;
import org.harmattan.briefs.assemble.InfluenceSection;
import org.harmattan.briefs.assemble.OutlookSection;
import org.harmattan.briefs.assemble.PoliticalSection;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.narrative.Narrative;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.Outlook;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.ingest.common.Countries;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.reference.timeline.CaseFiles;

/**
 * Computes, assembles and writes one brief: the one wiring of a brief that every front door (the
 * command line's {@code brief} and {@code demo}, the server) calls.
 */
public final class BriefService {
  /** Months the outlook forecasts. */
  static final int OUTLOOK_MONTHS = 6;

  /** Draws per unit and month of the outlook. */
  static final int OUTLOOK_DRAWS = 1000;

  /** The outlook's seed: the same store gives the same outlook. */
  static final long OUTLOOK_SEED = 1;

  /** Monthly origins of the outlook's back-test record. */
  static final int OUTLOOK_RECORD_ORIGINS = 12;

  private BriefService() {}

  /**
   * What a brief needs.
   *
   * @param countryIso3 the country
   * @param period the window
   * @param comparison the same months of the comparison year
   * @param sources the source systems whose events count
   * @param synthetic whether the data is synthetic (marked on every page)
   * @param sourceNote a sentence on where the data comes from, or ""
   * @param out the folder the brief is written to
   * @param scope what narrows every figure (regions, event types, an actor)
   * @param context the reference and context inputs
   * @param language the language the brief is written in
   */
  public record Request(
      String countryIso3,
      Period period,
      Period comparison,
      Set<SourceSystem> sources,
      boolean synthetic,
      String sourceNote,
      Path out,
      Scope scope,
      Context context,
      Language language) {
    public Request {
      requireNonNull(language, "language");
    }

    /** A request for a brief in English. */
    public Request(
        String countryIso3,
        Period period,
        Period comparison,
        Set<SourceSystem> sources,
        boolean synthetic,
        String sourceNote,
        Path out,
        Scope scope,
        Context context) {
      this(
          countryIso3,
          period,
          comparison,
          sources,
          synthetic,
          sourceNote,
          out,
          scope,
          context,
          Language.EN);
    }

    /** This request for a brief in {@code l}. */
    public Request withLanguage(Language l) {
      return new Request(
          countryIso3, period, comparison, sources, synthetic, sourceNote, out, scope, context, l);
    }
  }

  /**
   * The reference and context inputs of a brief beyond the event store.
   *
   * @param profiles country profiles (shipped, plus user files)
   * @param roads the road-graph folder (African Urban Network CSVs), or null
   * @param timeline a political case file, or null for the shipped one of the country (if any)
   * @param advisories travel-advisory snapshot files (several per government show changes)
   * @param outlook whether to forecast the months after the window (the Outlook section)
   * @param narrative the analyst's own words (Markdown) to merge into the brief, or null
   */
  public record Context(
      CountryProfiles profiles,
      Path roads,
      Path timeline,
      List<Path> advisories,
      boolean outlook,
      Path narrative) {
    public Context {
      advisories = List.copyOf(advisories);
    }

    /** A context with an outlook and no narrative. */
    public Context(CountryProfiles profiles, Path roads, Path timeline, List<Path> advisories) {
      this(profiles, roads, timeline, advisories, true, null);
    }

    /** This context with the analyst's narrative file. */
    public Context withNarrative(Path file) {
      return new Context(profiles, roads, timeline, advisories, outlook, file);
    }

    public static Context defaults() {
      return new Context(CountryProfiles.shipped(), null, null, List.of());
    }

    /** This context without the outlook (its forecasts take seconds). */
    public Context withoutOutlook() {
      return new Context(profiles, roads, timeline, advisories, false, narrative);
    }
  }

  /**
   * The comparison a brief takes when none is asked for: the same months of the year before, when
   * {@code period} lies within one year and the store's events of the country (from {@code
   * sources}) begin by the end of that window's first month; else none, since a comparison with
   * months the store does not hold would report a rise from nothing.
   */
  public static Optional<Period> defaultComparison(
      AnalyticsEngine engine, String countryIso3, Period period, Set<SourceSystem> sources) {
    if (period.from().getYear() != period.to().getYear()) {
      return Optional.empty();
    }
    Period before = period.inYear(period.from().getYear() - 1);
    Coverage held =
        engine.coverage(EventFilter.of(countryIso3, Period.upTo(period.to())).withSources(sources));
    if (held.first() == null || held.first().isAfter(before.from().plusMonths(1).minusDays(1))) {
      return Optional.empty();
    }
    return Optional.of(before);
  }

  /** Computes the brief of {@code r} over the engine ports and writes it to {@code r.out()}. */
  public static BriefWriter.Written produce(
      AnalyticsEngine engine,
      ObservationSource observations,
      ActorRegistry registry,
      Request r,
      LocalDate today) {
    return BriefWriter.write(assemble(engine, observations, registry, r, today), r.out());
  }

  /**
   * Computes the brief of {@code r} over the engine ports without writing it ({@code r.out()} is
   * not used): its figures are those {@link #produce} writes to figures.json.
   */
  public static Brief assemble(
      AnalyticsEngine engine,
      ObservationSource observations,
      ActorRegistry registry,
      Request r,
      LocalDate today) {
    // The analyst's file is read first: a mistake in it is reported before any computing.
    Narrative narrative =
        r.context().narrative() == null ? null : Narrative.read(r.context().narrative());
    Coverage coverage =
        engine.coverage(EventFilter.of(r.countryIso3(), r.period()).withSources(r.sources()));
    if (coverage.events() == 0) {
      throw HarmattanException.userInput(
          ProblemCode.NO_DATA,
          "the store holds no "
              + String.join("/", r.sources().stream().map(Enum::name).sorted().toList())
              + " events for "
              + r.countryIso3()
              + "; ingest an export first (harmattan ingest FILE) or check --store");
    }
    SecurityRequest request =
        new SecurityRequest(
            r.countryIso3(),
            r.period(),
            r.comparison(),
            r.sources(),
            today,
            r.scope(),
            r.language());
    String name = Countries.get().findName(r.countryIso3()).orElse(r.countryIso3());
    BriefBuilder builder =
        new BriefBuilder(
                SecurityIndicators.compute(engine, request), name, r.synthetic(), Instant.now())
            .canonicalActors(raw -> registry.match(raw).map(m -> m.actor().name()));
    Context context = r.context();
    findTimeline(context, r.countryIso3())
        .ifPresent(
            t -> {
              PoliticalSection.Result p =
                  PoliticalSection.build(t, r.period(), today, r.language());
              builder.lead(p.section(), p.figures(), p.annotations());
            });
    Optional<CountryProfile> profile = context.profiles().find(r.countryIso3());
    Optional<ReferenceGeography> geography = profile.map(ReferenceGeography::load);
    HumanitarianIndicators h = HumanitarianIndicators.compute(observations, request);
    PlaceNames places =
        PlaceNames.of(
            Admin1Regions.list(
                engine,
                EventFilter.of(r.countryIso3(), r.period()).withSources(r.sources()),
                geography.orElse(null)),
            h.idpsByAdmin1().stream().map(AreaRow::name).toList());
    builder.regionNames(places);
    Optional<BaseMaps.Base> base =
        geography.map(g -> BaseMaps.of(g, places::outlineLabel, r.language()));
    profile
        .map(pr -> CapitalAdvance.compute(engine, registry, request, pr))
        .ifPresent(
            c -> {
              if (base.isPresent()) {
                builder.capital(c, base.get());
              } else {
                builder.capital(c);
              }
              builder.headline(Headlines.capital(r.language(), c));
            });
    builder.deadliest(
        DeadliestIncidents.compute(engine, request, DeadliestIncidents.DEFAULT_COUNT));
    if (profile.isPresent() && context.roads() != null) {
      builder.roadsGiven();
      CorridorReport corridors =
          CorridorReport.compute(
              engine,
              profile.get(),
              RoadGraph.of(RoadNetworkReader.readDirectory(context.roads())),
              request,
              CorridorReport.DEFAULT_BUFFER_KM);
      CorridorSection.Built s =
          CorridorSection.build(
              corridors,
              base.map(BaseMaps.Base::layers).orElse(List.of()),
              base.map(BaseMaps.Base::bounds).orElse(null));
      builder.section(s.section(), s.figures());
      if (!corridors.corridors().isEmpty()) {
        builder.headline(Headlines.corridors(r.language(), corridors));
      }
    }
    InfluenceOptions options = InfluenceOptions.defaults();
    if (profile.isPresent()) {
      options =
          options.withCountryOutline(ReferenceGeography.load(profile.get()).country().geometry());
    }
    // The hexagons are drawn on the area where actors were active: on a whole-country map of a
    // large country, cells of a few kilometres would be too small to read.
    TerritorialInfluence territory =
        TerritorialInfluence.compute(engine, registry, request, options);
    InfluenceSection.Built influence =
        InfluenceSection.build(territory, base.map(BaseMaps.Base::layers).orElse(List.of()), null);
    builder.section(influence.section(), influence.figures());
    List<Inline> who = Headlines.influence(r.language(), territory);
    if (!who.isEmpty()) {
      builder.headline(who);
    }
    HumanitarianSection humanitarian = HumanitarianSection.build(h, name, places, r.language());
    builder.section(humanitarian.section(), humanitarian.figures());
    builder.editionNotes(h.notes());
    Headlines.humanitarian(r.language(), h).forEach(builder::headline);
    if (!context.advisories().isEmpty()) {
      List<AdvisoryReport> reports = new ArrayList<>();
      for (Path f : context.advisories()) {
        reports.add(AdvisoryFiles.read(f, r.countryIso3()));
      }
      AdvisoryPicture picture = AdvisoryPicture.of(r.countryIso3(), reports, r.language());
      builder.advisoryPicture(picture);
      AdvisorySection.Result a = AdvisorySection.build(picture, r.period(), r.language());
      builder.section(a.section(), a.figures());
      if (!picture.current().isEmpty()) {
        builder.headline(Headlines.advisories(r.language(), picture));
      }
      // Country-wide changes (level, call to leave) join the political marks on the event chart.
      builder.annotate(
          picture.changes().stream()
              .filter(c -> c.region() == null && r.period().contains(c.date()))
              .map(c -> new Block.Annotation(c.date().toString(), c.title(r.language())))
              .toList());
    }
    if (context.outlook()) {
      OutlookSection.Built outlook = outlook(engine, r, name, places);
      builder.section(outlook.section(), outlook.figures());
      if (!outlook.headline().isEmpty()) {
        builder.headline(outlook.headline());
      }
    }
    if (narrative != null) {
      builder.narrative(narrative);
    }
    return builder
        .warnings(WarningIndicators.compute(engine, request))
        .sourceNote(r.sourceNote())
        .build();
  }

  /**
   * The outlook after the window: forecast from the last month the store covers completely, not
   * after the window's end, by the learned model (conflictology when too little history), with its
   * record over the {@link #OUTLOOK_RECORD_ORIGINS} months before.
   */
  static OutlookSection.Built outlook(AnalyticsEngine engine, Request r, String countryName) {
    return outlook(engine, r, countryName, UnaryOperator.identity());
  }

  private static OutlookSection.Built outlook(
      AnalyticsEngine engine, Request r, String countryName, UnaryOperator<String> regionName) {
    Coverage all =
        engine.coverage(
            EventFilter.of(r.countryIso3(), Period.upTo(r.period().to())).withSources(r.sources()));
    LocalDate end = all.last().isBefore(r.period().to()) ? all.last() : r.period().to();
    YearMonth origin = YearMonth.from(end.plusDays(1)).minusMonths(1);
    EventPanels.Built panel =
        EventPanels.fatalities(
            engine, r.countryIso3(), r.sources(), YearMonth.from(Period.EARLIEST), origin, true);
    if (panel.panel().unitCount() == 0
        || panel.panel().first().isAfter(origin.minusMonths(Outlook.PAST_MONTHS - 1L))) {
      return OutlookSection.tooShort(Outlook.PAST_MONTHS, countryName, origin, r.language());
    }
    Outlook.Result result =
        Outlook.compute(
            panel.panel(),
            new Outlook.Options(
                origin, OUTLOOK_MONTHS, OUTLOOK_DRAWS, OUTLOOK_SEED, OUTLOOK_RECORD_ORIGINS));
    return OutlookSection.build(
        result, panel, r.countryIso3(), countryName, regionName, r.language());
  }

  private static Optional<Timeline> findTimeline(Context context, String iso3) {
    if (context.timeline() != null) {
      return Optional.of(CaseFiles.read(context.timeline()));
    }
    return CaseFiles.findShipped(iso3);
  }
}
