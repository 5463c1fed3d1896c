package org.harmattan.server.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.service.store.StoreViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view the dashboard opens on when its address names none: per country, the last full year the
 * store covers (or the year so far when it covers no earlier year), compared with the year before
 * when the store holds it; for the store, that of the country with most ACLED events.
 *
 * <p>The opening views of the countries with most events, the store's first, are computed when the
 * server starts and again after every write, on a thread of its own, so that the first visitor, and
 * one who picks another of those countries, finds the figures ready instead of waiting for the
 * brief's whole analysis; {@link #state()} says how far that is.
 */
final class OpeningViews implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpeningViews.class);

  /** The source the dashboard counts. */
  static final SourceSystem SOURCE = SourceSystem.ACLED;

  /** A country's opening window; {@code counted} whether it follows the dashboard's source. */
  record View(String country, Period period, Integer compare, boolean counted) {
    /** {@code {"country","from","to","compare"}}; compare is null without a year before. */
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("country", country);
      m.put("from", period.from().toString());
      m.put("to", period.to().toString());
      m.put("compare", compare == null ? null : compare.toString());
      return m;
    }

    /** The key of the view's figures, as the dashboard asks for them (no filter). */
    FiguresResource.Key key() {
      return new FiguresResource.Key(
          country,
          period,
          compare == null ? null : period.inYear(compare),
          Set.of(SOURCE),
          List.of(),
          List.of(),
          List.of(),
          null,
          Language.EN);
    }
  }

  /** How far the computation of the store's opening view is. */
  enum Progress {
    /** The store holds no events: there is no opening view. */
    NONE,
    COMPUTING,
    READY,
    /** The figures could not be computed; a visitor's request reports why. */
    FAILED
  }

  /**
   * The store's opening view, how far the computing is, and the countries whose opening views are
   * computed.
   */
  private record State(Progress progress, View view, List<String> ready) {}

  /**
   * How many countries' opening views are computed ahead, most events first: the store's own view
   * and those a visitor is likeliest to choose next from the country list.
   */
  static final int AHEAD = 8;

  private final Api api;
  private final CoverageCache coverage;
  private final BriefCache briefs;

  /** One computation at a time; a write arriving meanwhile queues one more, never several. */
  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(1),
          r -> {
            Thread t = new Thread(r, "harmattan-opening-view");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardPolicy());

  private volatile State state = new State(Progress.COMPUTING, null, List.of());

  /** Advances at every request to compute: a computation asked for since this one runs next. */
  private final AtomicLong requested = new AtomicLong();

  /** Views announced by the server's caller, computed ahead as the opening views are. */
  private final List<View> ahead = new CopyOnWriteArrayList<>();

  OpeningViews(Api api, CoverageCache coverage, BriefCache briefs) {
    this.api = api;
    this.coverage = coverage;
    this.briefs = briefs;
  }

  /**
   * The opening view of every country with events, the store's own first, then by events held. A
   * country's view follows its ACLED events, or the source with most events when it has none.
   */
  static List<View> of(List<StoreViews.CoverageRow> rows) {
    Map<String, StoreViews.CoverageRow> best = new TreeMap<>();
    for (StoreViews.CoverageRow r : rows) {
      best.merge(r.country(), r, (a, b) -> better(b, a) ? b : a);
    }
    List<StoreViews.CoverageRow> ranked = new ArrayList<>(best.values());
    ranked.sort(
        Comparator.comparing((StoreViews.CoverageRow r) -> r.source() != SOURCE)
            .thenComparing(r -> -r.coverage().events())
            .thenComparing(StoreViews.CoverageRow::country));
    List<View> out = new ArrayList<>();
    for (StoreViews.CoverageRow r : ranked) {
      out.add(view(r));
    }
    return out;
  }

  /** Whether {@code a} should give a country's view rather than {@code b}. */
  private static boolean better(StoreViews.CoverageRow a, StoreViews.CoverageRow b) {
    if ((a.source() == SOURCE) != (b.source() == SOURCE)) {
      return a.source() == SOURCE;
    }
    return a.coverage().events() > b.coverage().events();
  }

  private static View view(StoreViews.CoverageRow r) {
    LocalDate first = r.coverage().first();
    LocalDate last = r.coverage().last();
    int year = last.getYear();
    Period period;
    if (last.getMonthValue() == 12 && last.getDayOfMonth() == 31) {
      period = new Period(LocalDate.of(year, 1, 1), last);
    } else if (first.getYear() < year) {
      period = new Period(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));
    } else {
      period = new Period(LocalDate.of(year, 1, 1), last);
    }
    int from = period.from().getYear();
    return new View(
        r.country(), period, first.getYear() < from ? from - 1 : null, r.source() == SOURCE);
  }

  /** Computes the store's opening view now and after every write. */
  void start() {
    api.store().onWrite(this::refresh);
    refresh();
  }

  private void refresh() {
    requested.incrementAndGet();
    State s = state;
    state = new State(Progress.COMPUTING, s.view(), List.of());
    executor.execute(this::compute);
  }

  /**
   * Computes {@code view}'s figures ahead too, now and after every write, right after the store's
   * own opening view: a view the server announces (the demo's address).
   */
  void ahead(View view) {
    ahead.add(view);
    refresh();
  }

  private void compute() {
    long asked = requested.get();
    long generation = api.store().generation();
    View first = null;
    try {
      List<View> views = of(coverage.rows());
      if (views.isEmpty()) {
        if (requested.get() == asked) {
          state = new State(Progress.NONE, null, List.of());
        }
        return;
      }
      first = views.get(0);
      // The store's own view, the views announced, then the other countries' opening views.
      Set<View> todo = new LinkedHashSet<>();
      todo.add(first);
      todo.addAll(ahead);
      todo.addAll(views.subList(0, Math.min(AHEAD, views.size())));
      List<String> ready = new ArrayList<>();
      Progress progress = Progress.READY;
      for (View v : todo) {
        if (executor.isShutdown() || api.store().generation() != generation) {
          // A write since the start: the computation it queued starts over.
          return;
        }
        state = new State(Progress.COMPUTING, first, List.copyOf(ready));
        if (!v.counted()) {
          continue;
        }
        try {
          FiguresResource.Key key = v.key();
          OverviewResource.prepare(briefs.get(key), key);
          if (views.contains(v) && !ready.contains(v.country())) {
            ready.add(v.country());
          }
        } catch (RuntimeException e) {
          if (executor.isShutdown()) {
            return;
          }
          // A visitor asking for the view gets the reason as a problem; the log keeps it too.
          LOG.warn("the opening view {} could not be computed: {}", v, e.getMessage());
          if (v.equals(first)) {
            progress = Progress.FAILED;
          }
        }
      }
      // Done, unless a write or an announced view has asked for the next computation meanwhile.
      if (api.store().generation() == generation && requested.get() == asked) {
        state = new State(progress, first, List.copyOf(ready));
      }
    } catch (RuntimeException e) {
      if (!executor.isShutdown()) {
        LOG.warn("the opening views could not be computed: {}", e.getMessage());
        state = new State(Progress.FAILED, first, List.of());
      }
    }
  }

  /**
   * {@code {"state": "none|computing|ready|failed", "view": {...} or null, "ready": [ISO3...]}}:
   * ready once the opening views of the {@link #AHEAD} countries with most events are computed;
   * failed when the store's own could not be.
   */
  Map<String, Object> state() {
    State s = state;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", s.progress().name().toLowerCase(Locale.ROOT));
    m.put("view", s.view() == null ? null : s.view().toMap());
    m.put("ready", s.ready());
    return m;
  }

  /** Stops computing; a computation under way ends first (the store is closed after the server). */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("the opening view was still being computed when the server stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
