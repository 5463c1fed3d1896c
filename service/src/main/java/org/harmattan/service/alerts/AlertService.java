package org.harmattan.service.alerts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertJson;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.reference.profile.CountryProfiles;

/** Evaluates alert rules on a store, for every front door. */
public final class AlertService {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertService() {}

  /**
   * The alerts {@code rules} would have raised on each day of {@code days} (after suppression),
   * without sending anything: a back-test of the rules on the store's history.
   *
   * @param store the store
   * @param rules the rules
   * @param days the days to evaluate, both ends included
   * @param profiles country profiles (capitals, region outlines)
   * @param today the access date of figures that count no records
   */
  public static RuleEvaluator.Result test(
      Store store, List<Rule> rules, Period days, CountryProfiles profiles, LocalDate today) {
    requireNonNull(store, "store");
    return new RuleEvaluator(store.analytics(), today, profiles).evaluate(rules, days);
  }

  /**
   * {@code {"alerts":[{id, rule, kind, date, country, admin1, severity, text, figures, …}],
   * "notes":[…]}}, the notes saying which days a rule could not be evaluated on.
   */
  public static ObjectNode toJson(RuleEvaluator.Result result, boolean synthetic) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("alerts");
    for (Alert a : result.alerts()) {
      list.add(AlertJson.toNode(a, synthetic));
    }
    ArrayNode notes = root.putArray("notes");
    result.notes().forEach(notes::add);
    return root;
  }
}
