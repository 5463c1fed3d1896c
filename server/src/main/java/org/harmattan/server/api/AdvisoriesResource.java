package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.requiredQuery;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.Params;
import org.harmattan.service.advisories.AdvisoryViews;

/**
 * Travel advice for a country from the snapshot files the server was given ({@code serve
 * --advisories}): each government's level on one scale, its regions, and what changed between
 * snapshots.
 */
final class AdvisoriesResource {
  private final Api api;

  AdvisoriesResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/advisories",
            Role.VIEWER,
            "advisories",
            "Travel advice for a country from the server's advisory snapshots (serve"
                + " --advisories): levels on one scale, regions, and changes between snapshots",
            List.of(requiredQuery("country", "string", "Country as ISO3 code or name, e.g. MLI")),
            null,
            "Advisories",
            this::advisories));
  }

  private void advisories(Context ctx) {
    String iso3 = Params.country(ctx);
    Map<String, Object> m =
        new LinkedHashMap<>(
            AdvisoryViews.picture(AdvisoryViews.fromFiles(iso3, api.context().advisories())));
    m.put("snapshots", api.context().advisories().size());
    SystemResource.ok(ctx, m);
  }
}
