package org.harmattan.alerts.watch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertJson;
import org.harmattan.alerts.deliver.AtomFeed;
import org.harmattan.alerts.deliver.CapMessage;
import org.harmattan.alerts.deliver.Delivery;
import org.harmattan.alerts.deliver.MailSender;
import org.harmattan.alerts.deliver.WebhookSender;
import org.harmattan.alerts.rules.AdvisoryReader;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleEvaluator;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * One watch run: each rule is evaluated on the days after the last day it was evaluated through
 * (its first run: from a given day), up to a given day; new alerts are recorded in the store's
 * alert log and delivered to the subscriptions that want them, each delivery logged, delivered or
 * dead-lettered. An alert already in the log (the same rule, area and day) is neither recorded nor
 * sent again, so that running again on the same data, or re-ingesting it, raises nothing new.
 *
 * <p>With an outbox folder, each new alert is also written as a CAP 1.2 message ({@code
 * cap/ID.xml}) and the Atom feed of the alerts of the last 90 days is rewritten ({@code
 * alerts.atom}).
 */
public final class AlertRun {
  /** The days of alerts the Atom feed holds. */
  public static final int FEED_DAYS = 90;

  /** The most alerts the Atom feed holds. */
  public static final int FEED_LIMIT = 500;

  private final Store store;
  private final CountryProfiles profiles;
  private final Clock clock;
  private final WebhookSender webhook;
  private final MailSender mail;
  private final AdvisoryReader advisories;

  /**
   * @param store the store whose events the rules read and whose log records the alerts
   * @param profiles country profiles
   * @param advisories reads the travel-advice snapshots of {@code advisory-change} rules
   * @param clock when alerts are raised and delivered
   * @param webhook the webhook sender
   * @param mail the mail sender, or null when no subscription has e-mail
   */
  public AlertRun(
      Store store,
      CountryProfiles profiles,
      AdvisoryReader advisories,
      Clock clock,
      WebhookSender webhook,
      MailSender mail) {
    this.store = requireNonNull(store, "store");
    this.profiles = requireNonNull(profiles, "profiles");
    this.advisories = requireNonNull(advisories, "advisories");
    this.clock = requireNonNull(clock, "clock");
    this.webhook = requireNonNull(webhook, "webhook");
    this.mail = mail;
  }

  /**
   * What a run did.
   *
   * @param raised the new alerts, in date order
   * @param deliveries their deliveries
   * @param notes what was left out and why, and rules already up to date
   */
  public record Report(List<Alert> raised, List<Delivery> deliveries, List<String> notes) {
    public Report {
      raised = List.copyOf(raised);
      deliveries = List.copyOf(deliveries);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Runs the rules.
   *
   * @param rules the rules
   * @param subscriptions who is told
   * @param firstDay the first day a rule that never ran is evaluated on
   * @param through the last day to evaluate
   * @param outbox the folder for CAP messages and the Atom feed, or null
   * @param synthetic whether the data is synthetic (the demo)
   */
  public Report run(
      List<Rule> rules,
      Subscriptions subscriptions,
      LocalDate firstDay,
      LocalDate through,
      Path outbox,
      boolean synthetic) {
    AlertLog log = store.alerts();
    RuleEvaluator evaluator =
        new RuleEvaluator(store.analytics(), LocalDate.now(clock), profiles, advisories);
    List<Alert> raised = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Rule rule : rules) {
      LocalDate from = log.findEvaluatedThrough(rule.id()).map(d -> d.plusDays(1)).orElse(firstDay);
      if (from.isAfter(through)) {
        notes.add("rule " + rule.id() + ": evaluated through " + from.minusDays(1) + " already");
        continue;
      }
      RuleEvaluator.Result result = evaluator.evaluate(List.of(rule), new Period(from, through));
      notes.addAll(result.notes());
      for (Alert a : result.alerts()) {
        Instant now = clock.instant();
        boolean added = log.add(AlertJson.toRecord(a, synthetic, now));
        if (!added) {
          continue;
        }
        raised.add(a);
        for (Subscriptions.Subscription s : subscriptions.subscriptions()) {
          if (s.wants(a)) {
            for (Delivery d : deliver(a, s, subscriptions, synthetic)) {
              // Logged as soon as it is done: a run that stops later still says who was told.
              log.addDelivery(d.toRecord());
              deliveries.add(d);
            }
          }
        }
        if (outbox != null) {
          writeCap(a, outbox, now, synthetic);
        }
      }
      LocalDate evaluated = result.evaluatedThrough().get(rule.id());
      if (evaluated != null) {
        log.setEvaluatedThrough(rule.id(), evaluated);
      }
    }
    if (outbox != null) {
      writeFeed(outbox, through);
    }
    raised.sort(java.util.Comparator.comparing(Alert::date));
    return new Report(raised, deliveries, notes);
  }

  private List<Delivery> deliver(
      Alert a, Subscriptions.Subscription s, Subscriptions all, boolean synthetic) {
    List<Delivery> out = new ArrayList<>();
    if (s.webhook() != null) {
      out.add(webhook.send(a, synthetic, s.webhook(), s.secret()));
    }
    if (!s.emails().isEmpty()) {
      if (mail == null) {
        throw new IllegalStateException("subscription " + s.id() + " mails, but no mail sender");
      }
      List<MailSender.Recipient> to = new ArrayList<>();
      for (String address : s.emails()) {
        to.add(new MailSender.Recipient(address, unsubscribe(all.unsubscribe(), s.id(), address)));
      }
      out.addAll(mail.send(a, synthetic, to));
    }
    return out;
  }

  private static URI unsubscribe(URI base, String subscription, String address) {
    String query =
        "subscription="
            + URLEncoder.encode(subscription, StandardCharsets.UTF_8)
            + "&address="
            + URLEncoder.encode(address, StandardCharsets.UTF_8);
    String b = base.toString();
    return URI.create(b + (b.contains("?") ? "&" : "?") + query);
  }

  private static void writeCap(Alert a, Path outbox, Instant sent, boolean synthetic) {
    CapMessage.Options o =
        CapMessage.Options.of(
            "harmattan@localhost",
            synthetic ? CapMessage.Status.EXERCISE : CapMessage.Status.ACTUAL,
            sent);
    if (synthetic) {
      o = o.withNote("Synthetic data: an exercise, not a real alert.");
    }
    String name = a.id().replaceAll("[^A-Za-z0-9._-]+", "_") + ".xml";
    write(outbox.resolve("cap").resolve(name), CapMessage.toXml(a, o));
  }

  private void writeFeed(Path outbox, LocalDate through) {
    List<AtomFeed.Item> items = new ArrayList<>();
    for (AlertRecord r : store.alerts().list(through.minusDays(FEED_DAYS), through, FEED_LIMIT)) {
      items.add(AtomFeed.Item.of(AlertJson.fromJson(r.json()), r.raised()));
    }
    Path file = outbox.resolve("alerts.atom");
    AtomFeed.Options o =
        AtomFeed.Options.of(
            URI.create("urn:harmattan:feed:alerts"),
            "Harmattan alerts",
            clock.instant(),
            file.toAbsolutePath().toUri());
    write(file, AtomFeed.toXml(o, items));
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_BRIEF, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
