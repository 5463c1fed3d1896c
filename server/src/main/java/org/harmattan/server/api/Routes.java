package org.harmattan.server.api;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.figure.Period;

/** The route table: every resource's routes, each guarded by its role. */
public final class Routes implements AutoCloseable {
  private final Api api;
  private final BriefsResource briefs;
  private final OpeningViews openings;
  private final List<ApiRoute> all;

  public Routes(Api api) {
    this.api = api;
    this.briefs = new BriefsResource(api);
    List<ApiRoute> r = new ArrayList<>();
    BriefCache cache = new BriefCache(api);
    CoverageCache coverage = new CoverageCache(api);
    this.openings = new OpeningViews(api, coverage, cache);
    r.addAll(new SystemResource(api, coverage, openings).routes());
    r.addAll(new AccountsResource(api).routes());
    r.addAll(new FiguresResource(cache).routes());
    r.addAll(new OverviewResource(api, cache).routes());
    r.addAll(new RegionsResource(api).routes());
    r.addAll(new EventsResource(api).routes());
    r.addAll(briefs.routes());
    r.addAll(new ClaimsResource(api).routes());
    r.addAll(new IngestResource(api).routes());
    r.addAll(new ActorsResource(api).routes());
    r.addAll(new AdvisoriesResource(api).routes());
    r.addAll(new ForecastsResource(api).routes());
    // Before the alerts: /alerts/rules and /alerts/test are not alert ids.
    r.addAll(new RulesResource(api).routes());
    r.addAll(new AlertsResource(api).routes());
    this.all = List.copyOf(r);
  }

  public List<ApiRoute> all() {
    return all;
  }

  /** The route's handler behind its role check (public routes still resolve a bad token: 401). */
  public Handler guarded(ApiRoute route) {
    Handler h = route.handler();
    if (route.role() == null) {
      return h;
    }
    return ctx -> {
      api.authenticator().require(ctx, route.role());
      h.handle(ctx);
    };
  }

  /** Starts the work the routes do ahead of requests: the dashboard's opening view. */
  public void start() {
    openings.start();
  }

  /**
   * Computes the figures of the dashboard view of {@code country} over {@code period} (against the
   * same months of {@code compareYear}, or null) ahead, as the opening views are.
   */
  public void computeAhead(String country, Period period, Integer compareYear) {
    openings.ahead(new OpeningViews.View(country, period, compareYear, true));
  }

  @Override
  public void close() {
    openings.close();
    briefs.close();
  }
}
