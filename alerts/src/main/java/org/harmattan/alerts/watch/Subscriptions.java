package org.harmattan.alerts.watch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.Severity;
import org.harmattan.alerts.YamlFiles;
import org.harmattan.alerts.deliver.MailConfig;
import org.harmattan.alerts.deliver.WebhookSender;
import org.harmattan.domain.error.HarmattanException;

/**
 * Who is told about which alerts, and how: a YAML file
 *
 * <pre>
 * smtp: {host: mail.example.org, port: 587, from: harmattan@example.org,
 *        username_env: SMTP_USER, password_env: SMTP_PASSWORD, starttls: true}
 * unsubscribe: https://harmattan.example.org/unsubscribe
 * subscriptions:
 *   - id: security-desk
 *     rules: [mali-surge, bamako]        # or ["*"]
 *     min_severity: moderate             # optional
 *     email: [desk@example.org]
 *   - id: newsroom-cms
 *     rules: ["*"]
 *     webhook: {url: https://cms.example.org/hooks/harmattan, secret_env: HOOK_SECRET}
 * </pre>
 *
 * Secrets (the SMTP password, webhook secrets) are never in the file: it names the environment
 * variables that hold them. Each e-mail carries an unsubscribe link: the {@code unsubscribe}
 * address with the subscription and the recipient as query parameters.
 *
 * @param subscriptions the subscriptions, in file order
 * @param smtp the mail server, or null when no subscription has e-mail
 * @param unsubscribe the base of unsubscribe links, or null when no subscription has e-mail
 */
public record Subscriptions(List<Subscription> subscriptions, MailConfig smtp, URI unsubscribe) {

  public Subscriptions {
    subscriptions = List.copyOf(subscriptions);
  }

  /** No subscriptions: alerts are recorded, told to nobody. */
  public static Subscriptions none() {
    return new Subscriptions(List.of(), null, null);
  }

  /**
   * One subscription.
   *
   * @param id its id, unique in the file
   * @param rules the rule ids it follows; {@code *} for all
   * @param minSeverity the least severe alert it wants
   * @param webhook the webhook's URL, or null
   * @param secret the webhook's signing secret, or null
   * @param emails addresses to mail, possibly none
   */
  public record Subscription(
      String id,
      Set<String> rules,
      Severity minSeverity,
      URI webhook,
      String secret,
      List<String> emails) {
    public Subscription {
      requireNonNull(id, "id");
      requireNonNull(minSeverity, "minSeverity");
      rules = Set.copyOf(rules);
      emails = List.copyOf(emails);
    }

    /** Whether this subscription wants the alert: its rule, and at least its severity. */
    public boolean wants(Alert alert) {
      return (rules.contains("*") || rules.contains(alert.rule()))
          && alert.severity().isAtLeast(minSeverity);
    }
  }

  /** Reads a subscriptions file, taking secrets from the process's environment. */
  public static Subscriptions read(Path file) {
    return read(file, System::getenv);
  }

  /**
   * Reads a subscriptions file.
   *
   * @param file the file
   * @param env the environment variables secrets are read from
   */
  public static Subscriptions read(Path file, UnaryOperator<String> env) {
    JsonNode root = YamlFiles.parse(YamlFiles.read(file), file);
    if (root == null || !root.isObject() || !root.path("subscriptions").isArray()) {
      throw fail(file, "expected a map with 'subscriptions', a list (and 'smtp' for e-mail)");
    }
    keys(root, Set.of("subscriptions", "smtp", "unsubscribe"), file, "at the top");
    List<Subscription> subs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode n : root.get("subscriptions")) {
      i++;
      Subscription s = subscription(n, file, i, env);
      if (!ids.add(s.id())) {
        throw fail(file, "subscription " + i + ": the id '" + s.id() + "' is used twice");
      }
      subs.add(s);
    }
    boolean mail = subs.stream().anyMatch(s -> !s.emails().isEmpty());
    MailConfig smtp = null;
    URI unsubscribe = null;
    if (mail) {
      JsonNode m = root.path("smtp");
      if (!m.isObject()) {
        throw fail(file, "a subscription sends e-mail, so 'smtp' {host, port, from} is needed");
      }
      keys(
          m,
          Set.of("host", "port", "from", "username_env", "password_env", "starttls"),
          file,
          "in smtp");
      smtp =
          MailConfig.of(
              text(m, "host", file, "smtp"),
              m.path("port").asInt(587),
              text(m, "from", file, "smtp"),
              m.hasNonNull("username_env") ? secret(env, m.get("username_env"), file) : null,
              m.hasNonNull("password_env") ? secret(env, m.get("password_env"), file) : null,
              m.path("starttls").asBoolean(true));
      unsubscribe = uri(text(root, "unsubscribe", file, "the top"), file, "unsubscribe");
    }
    return new Subscriptions(subs, smtp, unsubscribe);
  }

  private static Subscription subscription(
      JsonNode n, Path file, int index, UnaryOperator<String> env) {
    if (!n.isObject()) {
      throw fail(file, "subscription " + index + ": expected a map (id, rules, webhook or email)");
    }
    String id = text(n, "id", file, "subscription " + index);
    String at = "subscription " + index + " (" + id + ")";
    keys(n, Set.of("id", "rules", "min_severity", "webhook", "email"), file, at);
    Set<String> rules = new HashSet<>();
    JsonNode r = n.path("rules");
    if (r.isTextual()) {
      rules.add(r.asText());
    } else {
      r.forEach(x -> rules.add(x.asText()));
    }
    if (rules.isEmpty()) {
      throw fail(file, at + ": 'rules' must list rule ids, or \"*\" for all");
    }
    Severity min = Severity.MINOR;
    if (n.hasNonNull("min_severity")) {
      String w = n.get("min_severity").asText();
      min =
          Severity.parse(w)
              .orElseThrow(
                  () ->
                      fail(
                          file,
                          at
                              + ": min_severity '"
                              + w
                              + "' is not one of extreme, severe, moderate, minor"));
    }
    URI webhook = null;
    String secret = null;
    JsonNode w = n.path("webhook");
    if (!w.isMissingNode()) {
      keys(w, Set.of("url", "secret_env"), file, at + " webhook");
      webhook = uri(text(w, "url", file, at + " webhook"), file, at + " webhook url");
      var problem = WebhookSender.findUrlProblem(webhook);
      if (problem.isPresent()) {
        throw fail(file, at + ": " + problem.get());
      }
      if (!w.hasNonNull("secret_env")) {
        throw fail(file, at + ": the webhook needs secret_env, the variable holding its secret");
      }
      secret = secret(env, w.get("secret_env"), file);
    }
    List<String> emails = new ArrayList<>();
    JsonNode e = n.path("email");
    if (e.isTextual()) {
      emails.add(e.asText());
    } else {
      e.forEach(x -> emails.add(x.asText()));
    }
    if (webhook == null && emails.isEmpty()) {
      throw fail(file, at + ": give a webhook or an email, or both");
    }
    return new Subscription(id, rules, min, webhook, secret, emails);
  }

  private static String secret(UnaryOperator<String> env, JsonNode name, Path file) {
    String value = env.apply(name.asText());
    if (value == null || value.isEmpty()) {
      throw fail(file, "the environment variable " + name.asText() + " is not set");
    }
    return value;
  }

  private static URI uri(String text, Path file, String what) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw fail(file, what + " is not a URL: " + text);
    }
  }

  private static void keys(JsonNode n, Set<String> allowed, Path file, String at) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw fail(
            file,
            "unknown key '"
                + k
                + "' "
                + at
                + "; expected one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode n, String key, Path file, String at) {
    JsonNode v = n.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw fail(file, at + ": the key '" + key + "' is missing or empty");
    }
    return v.asText().strip();
  }

  private static HarmattanException fail(Path file, String what) {
    return YamlFiles.fail(file, what);
  }
}
