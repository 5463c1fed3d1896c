package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harmattan.alerts.Alert;

/**
 * Writes alerts as an Atom 1.0 feed (RFC 4287), for a feed reader or a subscription: one entry per
 * alert, newest first, each with a stable id, the headline as title, the text as content and the
 * alert's kind and severity as categories. Nothing is read from a clock: the feed's {@code updated}
 * and each entry's time come from the caller.
 */
public final class AtomFeed {
  /** The media type of an Atom feed. */
  public static final String MEDIA_TYPE = "application/atom+xml";

  /** The prefix of every entry id; the alert's id follows, percent-encoded. */
  public static final String ENTRY_ID_PREFIX = "urn:harmattan:alert:";

  /** The {@code scheme} of the category that carries the alert's kind. */
  public static final String KIND_SCHEME = "urn:harmattan:alert-kind";

  /** The {@code scheme} of the category that carries the alert's severity. */
  public static final String SEVERITY_SCHEME = "urn:harmattan:alert-severity";

  private static final String AUTHOR = "Harmattan";

  private AtomFeed() {}

  /**
   * The feed's own data.
   *
   * @param id the feed's {@code id}: an absolute, stable IRI given by the caller, e.g. {@code
   *     tag:example.org,2026:alerts/mali} or {@code urn:harmattan:subscription:42}
   * @param title the feed's title
   * @param updated the feed's {@code updated}: when its content last changed
   * @param self the URL the feed is served at ({@code link rel="self"}), absolute
   * @param alternate a page showing the same alerts ({@code link rel="alternate"}), or null
   */
  public record Options(URI id, String title, Instant updated, URI self, URI alternate) {
    public Options {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
      requireNonNull(updated, "updated");
      requireNonNull(self, "self");
      requireAbsolute(id, "feed id", "tag:example.org,2026:alerts");
      requireAbsolute(self, "feed self link", "https://example.org/alerts.atom");
      if (alternate != null) {
        requireAbsolute(alternate, "feed alternate link", "https://example.org/alerts");
      }
      XmlText.check(title, "Atom feed title");
    }

    /** Options without an alternate link. */
    public static Options of(URI id, String title, Instant updated, URI self) {
      return new Options(id, title, updated, self, null);
    }

    /** The alternate link, when there is one. */
    public Optional<URI> findAlternate() {
      return Optional.ofNullable(alternate);
    }
  }

  /**
   * One alert with what the feed says about it beyond the alert itself.
   *
   * @param alert the alert
   * @param raised when it was raised: the entry's {@code published} and {@code updated}
   * @param web a page about the alert ({@code link rel="alternate"}), absolute, or null
   */
  public record Item(Alert alert, Instant raised, URI web) {
    public Item {
      requireNonNull(alert, "alert");
      requireNonNull(raised, "raised");
      if (web != null) {
        requireAbsolute(web, "web link of alert " + alert.id(), "https://example.org/alerts/1");
      }
    }

    /** The alert raised at the start of its day (UTC), without a web link. */
    public static Item of(Alert alert) {
      return new Item(alert, alert.date().atStartOfDay(ZoneOffset.UTC).toInstant(), null);
    }

    /** The alert raised at the given instant, without a web link. */
    public static Item of(Alert alert, Instant raised) {
      return new Item(alert, raised, null);
    }

    /** The web link, when there is one. */
    public Optional<URI> findWeb() {
      return Optional.ofNullable(web);
    }
  }

  /**
   * The feed as a string, indented, with its XML declaration.
   *
   * @param options the feed's own data
   * @param items the alerts, in any order: the feed lists them newest first (by {@code raised},
   *     then by date, then by id)
   * @throws IllegalArgumentException when an alert appears twice or a text holds a character XML
   *     cannot carry
   */
  public static String toXml(Options options, List<Item> items) {
    requireNonNull(options, "options");
    requireNonNull(items, "items");
    try {
      return new WireFeedOutput().outputString(toFeed(options, items), true);
    } catch (FeedException e) {
      throw new IllegalStateException("writing Atom feed " + options.id(), e);
    }
  }

  /**
   * Writes the feed to a stream in UTF-8. The stream is flushed, not closed.
   *
   * @throws IllegalArgumentException as {@link #toXml}
   * @throws UncheckedIOException when the stream fails
   */
  public static void write(Options options, List<Item> items, OutputStream out) {
    requireNonNull(out, "out");
    String xml = toXml(options, items);
    try {
      out.write(xml.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing Atom feed " + options.id(), e);
    }
  }

  /**
   * The stable entry id of an alert: {@value #ENTRY_ID_PREFIX} followed by the alert's id with
   * every character but ASCII letters, digits, '-', '.', '_', '~' and '/' percent-encoded as UTF-8,
   * so {@code acled-surge/MLI/mopti/2018-05-14} stays readable and any id gives a valid URN.
   */
  public static String toEntryId(String alertId) {
    requireNonNull(alertId, "alertId");
    return ENTRY_ID_PREFIX
        + XmlText.percentEncode(
            alertId,
            c ->
                (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '/');
  }

  private static Feed toFeed(Options o, List<Item> items) {
    Feed feed = new Feed("atom_1.0");
    feed.setEncoding(StandardCharsets.UTF_8.name());
    feed.setId(o.id().toString());
    feed.setTitleEx(text(o.title()));
    feed.setUpdated(Date.from(o.updated()));
    Person author = new Person();
    author.setName(AUTHOR);
    List<SyndPerson> authors = new ArrayList<>();
    authors.add(author);
    feed.setAuthors(authors);
    List<Link> others = new ArrayList<>();
    others.add(link("self", o.self(), MEDIA_TYPE));
    feed.setOtherLinks(others);
    if (o.alternate() != null) {
      List<Link> alternates = new ArrayList<>();
      alternates.add(link("alternate", o.alternate(), "text/html"));
      feed.setAlternateLinks(alternates);
    }

    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(
        Comparator.comparing(Item::raised)
            .thenComparing(i -> i.alert().date())
            .reversed()
            .thenComparing(i -> i.alert().id()));
    Set<String> seen = new HashSet<>();
    List<Entry> entries = new ArrayList<>();
    for (Item item : sorted) {
      if (!seen.add(item.alert().id())) {
        throw new IllegalArgumentException(
            "Atom feed "
                + o.id()
                + ": alert "
                + item.alert().id()
                + " is listed twice (expected each alert once)");
      }
      entries.add(entry(item));
    }
    feed.setEntries(entries);
    return feed;
  }

  private static Entry entry(Item item) {
    Alert a = item.alert();
    String where = "alert " + a.id() + ", ";
    Entry e = new Entry();
    e.setId(toEntryId(a.id()));
    e.setTitleEx(text(XmlText.check(a.headline(), where + "headline")));
    Date raised = Date.from(item.raised());
    e.setUpdated(raised);
    e.setPublished(raised);
    List<Content> contents = new ArrayList<>();
    contents.add(text(XmlText.check(a.text(), where + "text")));
    e.setContents(contents);
    List<Category> categories = new ArrayList<>();
    categories.add(
        category(
            XmlText.check(a.kind(), where + "kind"), KIND_SCHEME, CapMessage.toEvent(a.kind())));
    categories.add(category(a.severity().word(), SEVERITY_SCHEME, a.severity().cap()));
    e.setCategories(categories);
    if (item.web() != null) {
      List<Link> alternates = new ArrayList<>();
      alternates.add(link("alternate", item.web(), "text/html"));
      e.setAlternateLinks(alternates);
    }
    return e;
  }

  private static Content text(String value) {
    Content c = new Content();
    c.setType(Content.TEXT);
    c.setValue(value);
    return c;
  }

  private static Link link(String rel, URI href, String type) {
    Link l = new Link();
    l.setRel(rel);
    l.setHref(href.toString());
    l.setType(type);
    return l;
  }

  private static Category category(String term, String scheme, String label) {
    Category c = new Category();
    c.setTerm(term);
    c.setScheme(scheme);
    c.setLabel(label);
    return c;
  }

  private static void requireAbsolute(URI uri, String what, String example) {
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(
          what
              + " \""
              + uri
              + "\" is not an absolute IRI: expected one with a scheme, e.g. "
              + example);
    }
  }
}
