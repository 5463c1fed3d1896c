package org.harmattan.service.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.briefs.claims.Claim;
import org.harmattan.briefs.claims.ClaimChecker;
import org.harmattan.briefs.claims.ClaimResult;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.Store;

/** Re-computes the figures a text states, for every front door. */
public final class ClaimService {
  private ClaimService() {}

  /** The verdict on each claim, re-computed from {@code store}'s events of {@code sources}. */
  public static List<ClaimResult> check(
      Store store, List<Claim> claims, Set<SourceSystem> sources, LocalDate today) {
    return new ClaimChecker(store.analytics(), store.observations(), sources, today).check(claims);
  }

  /**
   * The verdicts as {@code
   * {"claims":[{"id","verdict","stated","computed","citation","figure","reason"}]}}.
   */
  public static Map<String, Object> toMap(List<ClaimResult> results) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ClaimResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.claim().id());
      m.put("verdict", r.verdict().word());
      m.put("stated", r.claim().value());
      m.put("computed", r.computed() == null ? null : r.computed().value());
      Map<String, Object> tolerance = new LinkedHashMap<>();
      tolerance.put("amount", r.claim().tolerance().amount());
      tolerance.put("relative", r.claim().tolerance().relative());
      m.put("tolerance", tolerance);
      m.put(
          "vintage",
          r.computed() == null
              ? null
              : r.computed().findVintage().map(Object::toString).orElse(null));
      m.put("citation", r.computed() == null ? null : FiguresJson.citation(r.computed()));
      m.put("figure", r.claim().figure());
      m.put("reason", r.reason());
      list.add(m);
    }
    return Map.of("claims", list);
  }
}
