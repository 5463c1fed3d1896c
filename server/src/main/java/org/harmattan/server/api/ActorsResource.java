package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.date;
import static org.harmattan.server.api.ApiRoute.Param.query;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Params;
import org.harmattan.service.actors.ActorNames;

/** The actor registry, and the raw actor names of the store with the actors they match. */
final class ActorsResource {
  private final Api api;

  ActorsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/actors",
            Role.VIEWER,
            "actors",
            "The registry's canonical actors (id, name, type, country, aliases)",
            List.of(),
            null,
            "ActorList",
            ctx -> SystemResource.ok(ctx, ActorNames.registry(api.registry()))),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/actors/names",
            Role.VIEWER,
            "actors",
            "The raw actor names of the store's events with their event counts and the registry"
                + " actor each matches (unmatched=true: only those that match none)",
            List.of(
                query("country", "string", "Only this country (ISO3 or name)"),
                date("from", false, "First day (default: all)"),
                date("to", false, "Last day (default: today)"),
                query("unmatched", "boolean", "Only names no registry actor matches")),
            null,
            "ActorNameList",
            this::names));
  }

  private void names(Context ctx) {
    LocalDate from = ctx.queryParam("from") == null ? Period.EARLIEST : Params.date(ctx, "from");
    LocalDate to = ctx.queryParam("to") == null ? api.today() : Params.date(ctx, "to");
    if (to.isBefore(from)) {
      throw ApiProblem.badParameter("to", "to " + to + " is before from " + from, "a later date");
    }
    EventFilter filter = EventFilter.of(Params.optionalCountry(ctx), new Period(from, to));
    boolean unmatched = "true".equalsIgnoreCase(ctx.queryParam("unmatched"));
    Map<String, Object> m =
        api.store()
            .read(
                s ->
                    ActorNames.toMap(
                        ActorNames.list(s.analytics(), api.registry(), filter, unmatched)));
    SystemResource.ok(ctx, m);
  }
}
