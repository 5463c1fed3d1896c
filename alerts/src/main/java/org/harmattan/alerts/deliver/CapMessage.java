package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.alerts.rules.RuleKind;
import org.harmattan.domain.figure.Figure;

/**
 * Writes one {@link Alert} as a Common Alerting Protocol 1.2 message (OASIS, 2010): one {@code
 * alert} with one {@code info} in English, its figures as {@code parameter}s that a machine can
 * read, and its area with the polygon or circle it has. The elements follow the standard's order;
 * every message validates against {@link CapSchema}, a schema written from the standard.
 *
 * <p>Nothing is read from a clock: the instant sent comes with the {@link Options}, so that the
 * same alert and options give the same bytes.
 */
public final class CapMessage {
  /** The CAP 1.2 namespace. */
  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

  /** The media type of a CAP message. */
  public static final String MEDIA_TYPE = "application/cap+xml";

  /** How long a message stays in effect when the options do not say: 7 days. */
  public static final Duration DEFAULT_EXPIRES_AFTER = Duration.ofDays(7);

  /**
   * The {@code valueName} of the {@code eventCode} that carries the alert's kind as it is in the
   * rule file ({@code acled-surge}), for a machine to filter on.
   */
  public static final String VALUE_NAME_KIND = "harmattan-kind";

  // The event in words for the kinds the rules know; any other kind is spelt out from its id.
  private static final DateTimeFormatter CAP_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private CapMessage() {}

  /**
   * A message's {@code status} (CAP 1.2, section 3.2.1): whether it is real, an exercise, a system
   * message, a test or a draft. The demo on synthetic data sends {@link #EXERCISE}.
   */
  public enum Status {
    /** Actionable by all targeted recipients. */
    ACTUAL("Actual"),
    /** Actionable only by designated exercise participants. */
    EXERCISE("Exercise"),
    /** For messages that support alert network internal functions. */
    SYSTEM("System"),
    /** Technical testing only; all recipients disregard it. */
    TEST("Test"),
    /** A preliminary template or draft, not actionable in its current form. */
    DRAFT("Draft");

    private final String cap;

    Status(String cap) {
      this.cap = cap;
    }

    /** The CAP code value: "Actual", "Exercise", "System", "Test" or "Draft". */
    public String cap() {
      return cap;
    }
  }

  /**
   * How to write a message.
   *
   * @param sender the message's {@code sender}, globally unique, e.g. {@code harmattan@localhost};
   *     no spaces, commas, '&lt;' or '&amp;'
   * @param status the message's {@code status}
   * @param sent when the message is sent; written to the second, in UTC
   * @param expiresAfter how long after {@code sent} the {@code info} expires; positive
   * @param web the {@code web} link for more information, or null for none
   * @param note the message's {@code note}, e.g. that the data is synthetic, or null for none
   */
  public record Options(
      String sender, Status status, Instant sent, Duration expiresAfter, URI web, String note) {
    public Options {
      requireNonNull(sender, "sender");
      requireNonNull(status, "status");
      requireNonNull(sent, "sent");
      requireNonNull(expiresAfter, "expiresAfter");
      XmlText.check(sender, "CAP sender");
      if (note != null) {
        XmlText.check(note, "CAP note");
      }
      if (!isCapToken(sender)) {
        throw new IllegalArgumentException(
            "CAP sender \""
                + sender
                + "\" is not allowed: expected a non-empty name without spaces, commas,"
                + " '<' or '&', e.g. harmattan@example.org");
      }
      if (expiresAfter.isNegative() || expiresAfter.isZero()) {
        throw new IllegalArgumentException(
            "CAP expiresAfter must be positive, got " + expiresAfter + " (e.g. PT168H for 7 days)");
      }
      if (web != null && !web.isAbsolute()) {
        throw new IllegalArgumentException(
            "CAP web link \"" + web + "\" is not absolute: expected a full URL with its scheme");
      }
    }

    /** Options with the default expiry (7 days), no web link and no note. */
    public static Options of(String sender, Status status, Instant sent) {
      return new Options(sender, status, sent, DEFAULT_EXPIRES_AFTER, null, null);
    }

    /** These options with another expiry. */
    public Options withExpiresAfter(Duration expiresAfter) {
      return new Options(sender, status, sent, expiresAfter, web, note);
    }

    /** These options with a web link. */
    public Options withWeb(URI web) {
      return new Options(sender, status, sent, expiresAfter, web, note);
    }

    /** These options with a note. */
    public Options withNote(String note) {
      return new Options(sender, status, sent, expiresAfter, web, note);
    }

    /** The web link, when there is one. */
    public Optional<URI> findWeb() {
      return Optional.ofNullable(web);
    }

    /** The note, when there is one. */
    public Optional<String> findNote() {
      return Optional.ofNullable(note);
    }
  }

  /**
   * The message as a string, indented, with its XML declaration.
   *
   * @throws IllegalArgumentException when a text of the alert holds a character XML cannot carry
   */
  public static String toXml(Alert alert, Options options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(alert, options, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the message to a stream in UTF-8. The stream is flushed, not closed.
   *
   * @throws IllegalArgumentException when a text of the alert holds a character XML cannot carry
   * @throws UncheckedIOException when the stream fails
   */
  public static void write(Alert alert, Options options, OutputStream out) {
    requireNonNull(alert, "alert");
    requireNonNull(options, "options");
    requireNonNull(out, "out");
    try {
      XMLStreamWriter x =
          XMLOutputFactory.newDefaultFactory()
              .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      new MessageWriter(x, alert).message(options);
      x.flush();
      x.close();
      out.flush();
    } catch (XMLStreamException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("writing CAP message for alert " + alert.id(), io);
      }
      throw new IllegalStateException("writing CAP message for alert " + alert.id(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing CAP message for alert " + alert.id(), e);
    }
  }

  /**
   * The CAP {@code identifier} of an alert id. CAP forbids spaces, commas, '&lt;' and '&amp;' in an
   * identifier; our ids ({@code rule/MLI/mopti/2018-05-14}) have none and are kept as they are. Any
   * of those, any other white space or control character and '%' itself are written as {@code %XX}
   * of their UTF-8 bytes, so that distinct ids stay distinct and the id can be read back.
   *
   * @throws IllegalArgumentException for an empty id
   */
  public static String toIdentifier(String alertId) {
    requireNonNull(alertId, "alertId");
    if (alertId.isEmpty()) {
      throw new IllegalArgumentException(
          "alert id is empty: a CAP identifier needs at least one character");
    }
    return XmlText.percentEncode(
        alertId,
        c ->
            c > 0x20
                && c != 0x7F
                && c != ','
                && c != '<'
                && c != '&'
                && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && !Character.isISOControl(c));
  }

  /**
   * An instant in CAP's date-time form (section 3.3.2), to the second, in UTC written as {@code
   * -00:00} since CAP forbids "Z": {@code 2018-05-14T00:00:00-00:00}.
   */
  public static String toCapDateTime(Instant instant) {
    return CAP_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
        + "-00:00";
  }

  /**
   * The {@code event} of an alert's kind in words: "ACLED surge" for {@code acled-surge}. A kind
   * the table does not know is spelt out from its id: {@code acled-new-thing} becomes "ACLED new
   * thing".
   */
  public static String toEvent(String kind) {
    requireNonNull(kind, "kind");
    return RuleKind.parse(kind).map(RuleKind::title).orElseGet(() -> spellOut(kind));
  }

  /**
   * The {@code certainty} of an alert's kind: "Likely" for a forecast (a kind starting with {@code
   * forecast}), "Observed" for every other kind, which counts events that happened.
   */
  public static String toCertainty(String kind) {
    requireNonNull(kind, "kind");
    return isForecast(kind) ? "Likely" : "Observed";
  }

  private static boolean isForecast(String kind) {
    return kind.startsWith("forecast");
  }

  private static String spellOut(String id) {
    StringBuilder b = new StringBuilder();
    for (String word : id.split("[-_\\s]+", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      String w = word.toLowerCase(Locale.ROOT);
      if (w.equals("acled") || w.equals("hdx") || w.equals("ucdp") || w.equals("gdelt")) {
        b.append(w.toUpperCase(Locale.ROOT));
      } else if (b.length() == 0) {
        b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      } else {
        b.append(word);
      }
    }
    return b.length() == 0 ? "Alert" : b.toString();
  }

  static boolean isCapToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '<' || c == '&') {
        return false;
      }
    }
    return true;
  }

  /** One message on one StAX writer, indented two spaces a level. */
  private static final class MessageWriter {
    private final XMLStreamWriter x;
    private final Alert alert;
    private int depth;

    MessageWriter(XMLStreamWriter x, Alert alert) {
      this.x = x;
      this.alert = alert;
    }

    void message(Options o) throws XMLStreamException {
      x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      x.setDefaultNamespace(NAMESPACE);
      x.writeCharacters("\n");
      x.writeStartElement(NAMESPACE, "alert");
      x.writeDefaultNamespace(NAMESPACE);
      depth++;
      // Section 3.2.1, in the standard's order.
      leaf("identifier", toIdentifier(alert.id()));
      leaf("sender", o.sender());
      leaf("sent", toCapDateTime(o.sent()));
      leaf("status", o.status().cap());
      leaf("msgType", "Alert");
      leaf("scope", "Public");
      if (o.note() != null) {
        leaf("note", o.note());
      }
      info(o);
      depth--;
      newline();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
    }

    private void info(Options o) throws XMLStreamException {
      start("info");
      // Section 3.2.2, in the standard's order.
      leaf("language", "en-GB");
      leaf("category", "Security");
      leaf("event", text(toEvent(alert.kind()), "kind"));
      leaf("urgency", "Expected");
      leaf("severity", alert.severity().cap());
      leaf("certainty", toCertainty(alert.kind()));
      start("eventCode");
      leaf("valueName", VALUE_NAME_KIND);
      leaf("value", text(alert.kind(), "kind"));
      end();
      leaf("expires", toCapDateTime(o.sent().plus(o.expiresAfter())));
      leaf("senderName", "Harmattan");
      leaf("headline", text(alert.headline(), "headline"));
      leaf("description", text(alert.text(), "text"));
      if (o.web() != null) {
        leaf("web", o.web().toString());
      }
      for (Figure f : alert.figures()) {
        // A figure without a value (its note says why) has no number for a machine to read.
        if (f.value() != null) {
          start("parameter");
          leaf("valueName", text(f.id(), "figure id"));
          leaf("value", XmlText.plain(f.value()));
          end();
        }
      }
      area(alert.area());
      end();
    }

    private void area(AlertArea a) throws XMLStreamException {
      start("area");
      // Section 3.2.4, in the standard's order.
      leaf("areaDesc", text(a.description(), "area description"));
      if (!a.polygon().isEmpty()) {
        StringBuilder ring = new StringBuilder();
        for (AlertArea.Point p : a.polygon()) {
          if (ring.length() > 0) {
            ring.append(' ');
          }
          ring.append(pair(p));
        }
        leaf("polygon", ring.toString());
      }
      if (a.circle() != null) {
        leaf("circle", pair(a.circle().centre()) + " " + XmlText.plain(a.circle().radiusKm()));
      }
      end();
    }

    private static String pair(AlertArea.Point p) {
      return XmlText.plain(p.lat()) + "," + XmlText.plain(p.lon());
    }

    private String text(String value, String field) {
      return XmlText.check(value, "alert " + alert.id() + ", " + field);
    }

    private void start(String name) throws XMLStreamException {
      newline();
      x.writeStartElement(NAMESPACE, name);
      depth++;
    }

    private void end() throws XMLStreamException {
      depth--;
      newline();
      x.writeEndElement();
    }

    private void leaf(String name, String value) throws XMLStreamException {
      newline();
      x.writeStartElement(NAMESPACE, name);
      x.writeCharacters(value);
      x.writeEndElement();
    }

    private void newline() throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
