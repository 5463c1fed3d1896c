package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.query;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.harmattan.briefs.claims.Claim;
import org.harmattan.briefs.claims.ClaimResult;
import org.harmattan.briefs.claims.ClaimsFile;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.Params;
import org.harmattan.service.claims.ClaimService;

/** Claim checks: a claims document (YAML or JSON) in, a verdict per claim out. */
final class ClaimsResource {
  private final Api api;

  ClaimsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/claims",
            Role.ANALYST,
            "claims",
            "Check the figures a text states: POST {claims:[{id, text, figure, country, from, to,"
                + " value, tolerance, compare}]} as JSON or YAML; each claim gets a verdict and the"
                + " computed, cited figure",
            List.of(query("source", "string", "Source system: ACLED (default), UCDP or GDELT")),
            "Claims",
            "ClaimVerdicts",
            this::check));
  }

  private void check(Context ctx) {
    List<Claim> claims = ClaimsFile.parse(ctx.body(), "the request body");
    var sources = Params.sources(ctx);
    List<ClaimResult> results =
        api.store().read(s -> ClaimService.check(s, claims, sources, api.today()));
    Map<String, Object> m = new java.util.LinkedHashMap<>(ClaimService.toMap(results));
    m.put("attribution", Licences.attribution(sources));
    ctx.header("X-Attribution", Licences.header(sources));
    SystemResource.ok(ctx, m);
  }
}
