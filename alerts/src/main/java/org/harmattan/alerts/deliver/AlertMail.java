package org.harmattan.alerts.deliver;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.harmattan.alerts.Alert;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SourceRef;

/**
 * The words of an alert's e-mail: subject, plain text and HTML with the same content. Every number
 * of a figure is printed by {@link FigureFormat}.
 */
final class AlertMail {
  /** How many hex digits of a source file's SHA-256 the mail shows: enough to tell files apart. */
  static final int SHA256_PREFIX = 12;

  private AlertMail() {}

  /** "[Harmattan] Severe — Political violence doubled in Mopti". */
  static String subject(Alert alert) {
    return oneLine("[Harmattan] " + alert.severity().cap() + " \u2014 " + alert.headline());
  }

  /** The plain-text body. */
  static String text(Alert alert, boolean synthetic, URI unsubscribe) {
    StringBuilder b = new StringBuilder();
    b.append(alert.text().strip()).append("\n\n");
    if (!alert.figures().isEmpty()) {
      b.append("Figures:\n");
      for (Figure f : alert.figures()) {
        b.append("- ").append(figureLine(f)).append('\n');
        b.append("  Sources: ").append(sourcesLine(f.citation())).append('\n');
        noteLine(f).ifPresent(n -> b.append("  Note: ").append(n).append('\n'));
      }
      b.append('\n');
    }
    b.append("Area: ").append(alert.area().description()).append('\n');
    b.append(aboutLine(alert)).append('\n');
    if (synthetic) {
      b.append(SYNTHETIC).append('\n');
    }
    b.append('\n').append("To stop these alerts, open ").append(unsubscribe).append('\n');
    return b.toString();
  }

  /** The HTML body: the same content as {@link #text}, escaped. */
  static String html(Alert alert, boolean synthetic, URI unsubscribe) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(subject(alert)))
        .append("</title></head>\n<body>\n");
    b.append("<p>").append(escape(alert.text().strip())).append("</p>\n");
    if (!alert.figures().isEmpty()) {
      b.append("<p>Figures:</p>\n<ul>\n");
      for (Figure f : alert.figures()) {
        b.append("<li><strong>")
            .append(escape(f.label()))
            .append("</strong>: ")
            .append(escape(figureValue(f)))
            .append("<br>Sources: ")
            .append(escape(sourcesLine(f.citation())));
        noteLine(f).ifPresent(n -> b.append("<br>Note: ").append(escape(n)));
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("<p>Area: ").append(escape(alert.area().description())).append("</p>\n");
    b.append("<p>").append(escape(aboutLine(alert))).append("</p>\n");
    if (synthetic) {
      b.append("<p><em>").append(escape(SYNTHETIC)).append("</em></p>\n");
    }
    b.append("<p><a href=\"")
        .append(escape(unsubscribe.toString()))
        .append("\">Unsubscribe</a> from these alerts.</p>\n</body></html>\n");
    return b.toString();
  }

  private static final String SYNTHETIC =
      "These figures come from synthetic data (the demo's scenario), not from real events.";

  /** "Political violence events in Mopti: 12 events, January 2025, compared with …". */
  private static String figureLine(Figure f) {
    return f.label() + ": " + figureValue(f);
  }

  private static String figureValue(Figure f) {
    String s =
        FigureFormat.ENGLISH.format(f) + ", " + FigureFormat.ENGLISH.formatPeriod(f.period());
    return f.comparison() == null
        ? s
        : s + ", compared with " + FigureFormat.ENGLISH.formatPeriod(f.comparison());
  }

  /** "ACLED acled-mali.csv (SHA-256 3f2a9c1d0b7e); 12 records". */
  private static String sourcesLine(Citation c) {
    List<SourceRef> sources = c.sources();
    String files =
        sources.isEmpty()
            ? "none listed"
            : sources.stream()
                .map(
                    s ->
                        s.system()
                            + " "
                            + s.dataset()
                            + " (SHA-256 "
                            + s.sha256().substring(0, Math.min(SHA256_PREFIX, s.sha256().length()))
                            + ")")
                .collect(Collectors.joining(", "));
    long n = c.recordCount();
    return files + "; " + FigureFormat.ENGLISH.count(n) + (n == 1 ? " record" : " records");
  }

  /** A caveat of a figure that has a value; a missing value's note is printed with it already. */
  private static Optional<String> noteLine(Figure f) {
    return f.value() != null && f.note() != null && !f.note().isBlank()
        ? Optional.of(f.note())
        : Optional.empty();
  }

  private static String aboutLine(Alert alert) {
    return "Alert "
        + alert.id()
        + ", raised on "
        + FigureFormat.ENGLISH.day(alert.date())
        + " by rule "
        + alert.rule()
        + ".";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Text as HTML text or an attribute value in double quotes. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
