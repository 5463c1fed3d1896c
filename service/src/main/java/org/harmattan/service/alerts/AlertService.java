package org.harmattan.service.alerts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertJson;
import org.harmattan.alerts.deliver.Delivery;
import org.harmattan.alerts.deliver.MailSender;
import org.harmattan.alerts.deliver.Sleeper;
import org.harmattan.alerts.deliver.WebhookConfig;
import org.harmattan.alerts.deliver.WebhookSender;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.alerts.watch.AlertRun;
import org.harmattan.alerts.watch.Subscriptions;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * Evaluates alert rules on a store, for every front door. The travel-advice snapshots of {@code
 * advisory-change} rules are read here, by ingest's readers, which the rules themselves do not
 * depend on.
 */
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
    return new RuleEvaluator(store.analytics(), today, profiles, AdvisoryFiles::read)
        .evaluate(rules, days);
  }

  /**
   * A watch run: the rules evaluated on the days since each last ran (from {@code firstDay} for a
   * rule that never ran) through {@code through}, new alerts recorded in the store's alert log and
   * delivered to the subscriptions that want them (webhooks and e-mail retried with back-off), CAP
   * messages and the Atom feed written to {@code outbox} when given.
   */
  public static AlertRun.Report run(
      Store store,
      List<Rule> rules,
      Subscriptions subscriptions,
      LocalDate firstDay,
      LocalDate through,
      Path outbox,
      CountryProfiles profiles,
      Clock clock,
      boolean synthetic) {
    MailSender mail =
        subscriptions.smtp() == null
            ? null
            : new MailSender(subscriptions.smtp(), Sleeper.system(), clock);
    WebhookSender webhook = new WebhookSender(WebhookConfig.defaults(), Sleeper.system(), clock);
    return new AlertRun(store, profiles, AdvisoryFiles::read, clock, webhook, mail)
        .run(rules, subscriptions, firstDay, through, outbox, synthetic);
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

  /**
   * A watch run as {@code {"alerts":[…], "deliveries":[{alertId, channel, recipient, attempts,
   * outcome, lastStatus, lastError, at}], "notes":[…]}}.
   */
  public static ObjectNode toJson(AlertRun.Report report) {
    ObjectNode root =
        toJson(new RuleEvaluator.Result(report.raised(), report.notes(), Map.of()), false);
    ArrayNode deliveries = MAPPER.createArrayNode();
    for (Delivery d : report.deliveries()) {
      ObjectNode o = deliveries.addObject();
      o.put("alertId", d.alertId());
      o.put("channel", d.channel().name().toLowerCase(Locale.ROOT));
      o.put("recipient", d.recipient());
      o.put("attempts", d.attempts());
      o.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT));
      if (d.lastStatus() == null) {
        o.putNull("lastStatus");
      } else {
        o.put("lastStatus", d.lastStatus());
      }
      o.put("lastError", d.lastError());
      o.put("at", d.lastAttemptAt().toString());
    }
    root.set("deliveries", deliveries);
    return root;
  }
}
