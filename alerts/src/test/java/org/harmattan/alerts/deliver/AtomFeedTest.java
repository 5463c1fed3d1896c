package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.harmattan.alerts.Alert;
import org.junit.jupiter.api.Test;

class AtomFeedTest {
  static final URI FEED_ID = URI.create("tag:harmattan.example.org,2018:alerts/mali");
  static final URI SELF = URI.create("https://harmattan.example.org/alerts/mali.atom");
  static final Instant UPDATED = Instant.parse("2018-05-15T07:00:00Z");
  static final AtomFeed.Options OPTIONS =
      new AtomFeed.Options(
          FEED_ID,
          "Harmattan alerts: Mali",
          UPDATED,
          SELF,
          URI.create("https://harmattan.example.org/alerts/mali"));
  static final URI MOPTI_PAGE = URI.create("https://harmattan.example.org/alerts/mopti?day=14&x=1");

  /** Five alerts in no particular order, two with the instant they were raised. */
  static List<AtomFeed.Item> items() {
    return List.of(
        AtomFeed.Item.of(AlertFixtures.forecastKind()),
        AtomFeed.Item.of(
            AlertFixtures.countryWideNoGeometry(), Instant.parse("2018-05-14T06:00:00Z")),
        AtomFeed.Item.of(AlertFixtures.specialCharactersSegou()),
        new AtomFeed.Item(
            AlertFixtures.admin1WithPolygon(), Instant.parse("2018-05-14T09:15:00Z"), MOPTI_PAGE),
        AtomFeed.Item.of(AlertFixtures.capitalRadiusCircle()));
  }

  static final List<String> NEWEST_FIRST =
      List.of(
          "acled-threat/MLI/mopti/2018-05-14",
          "acled-surge/MLI/2018-05-14",
          "capital-radius/MLI/2018-05-13",
          "acled-surge/MLI/segou/2018-05-12",
          "forecast-fatalities/BFA/2018-05-01");

  static Feed readWithRome(String xml) {
    try {
      return (Feed) new WireFeedInput().build(new StringReader(xml));
    } catch (FeedException e) {
      throw new AssertionError("Rome cannot read the feed: " + e.getMessage() + "\n" + xml, e);
    }
  }

  @Test
  void theFeedHasTheElementsRfc4287RequiresReadWithDomAndXPath() {
    TestXml x = TestXml.parse(AtomFeed.toXml(OPTIONS, items()));

    assertThat(x.nodes("/atom:feed")).hasSize(1);
    assertThat(x.texts("/atom:feed/atom:id")).containsExactly(FEED_ID.toString());
    assertThat(x.texts("/atom:feed/atom:title")).containsExactly("Harmattan alerts: Mali");
    assertThat(x.texts("/atom:feed/atom:updated")).containsExactly("2018-05-15T07:00:00Z");
    assertThat(x.texts("/atom:feed/atom:author/atom:name")).containsExactly("Harmattan");
    assertThat(x.text("/atom:feed/atom:link[@rel='self']/@href")).isEqualTo(SELF.toString());
    assertThat(x.text("/atom:feed/atom:link[@rel='self']/@type")).isEqualTo("application/atom+xml");
    assertThat(x.text("/atom:feed/atom:link[@rel='alternate']/@href"))
        .isEqualTo("https://harmattan.example.org/alerts/mali");
    assertThat(x.nodes("/atom:feed/atom:entry")).hasSize(5);
    for (int i = 1; i <= 5; i++) {
      String entry = "/atom:feed/atom:entry[" + i + "]/";
      assertThat(x.texts(entry + "atom:id")).hasSize(1);
      assertThat(x.texts(entry + "atom:title")).hasSize(1);
      assertThat(x.texts(entry + "atom:updated")).hasSize(1);
      // Without an alternate link, an entry must have content (RFC 4287, 4.1.1.1 and 4.1.2).
      assertThat(x.texts(entry + "atom:content")).hasSize(1);
      assertThat(x.text(entry + "atom:content/@type")).isEqualTo("text");
    }
  }

  @Test
  void entriesAreTheAlertsNewestFirstWithTheirValues() {
    TestXml x = TestXml.parse(AtomFeed.toXml(OPTIONS, items()));

    List<String> expectedIds = new ArrayList<>();
    for (String id : NEWEST_FIRST) {
      expectedIds.add("urn:harmattan:alert:" + id);
    }
    assertThat(x.texts("/atom:feed/atom:entry/atom:id")).containsExactlyElementsOf(expectedIds);
    assertThat(x.texts("/atom:feed/atom:entry/atom:updated"))
        .containsExactly(
            "2018-05-14T09:15:00Z",
            "2018-05-14T06:00:00Z",
            "2018-05-13T00:00:00Z",
            "2018-05-12T00:00:00Z",
            "2018-05-01T00:00:00Z");
    assertThat(x.texts("/atom:feed/atom:entry/atom:published"))
        .isEqualTo(x.texts("/atom:feed/atom:entry/atom:updated"));

    Alert mopti = AlertFixtures.admin1WithPolygon();
    String first = "/atom:feed/atom:entry[1]/";
    assertThat(x.text(first + "atom:title")).isEqualTo(mopti.headline());
    assertThat(x.text(first + "atom:content")).isEqualTo(mopti.text());
    assertThat(x.texts(first + "atom:category/@term")).containsExactly("acled-threat", "extreme");
    assertThat(x.texts(first + "atom:category/@scheme"))
        .containsExactly(AtomFeed.KIND_SCHEME, AtomFeed.SEVERITY_SCHEME);
    assertThat(x.texts(first + "atom:category/@label")).containsExactly("ACLED threat", "Extreme");
    assertThat(x.text(first + "atom:link[@rel='alternate']/@href"))
        .isEqualTo(MOPTI_PAGE.toString());
    assertThat(x.nodes("/atom:feed/atom:entry[2]/atom:link")).isEmpty();
  }

  @Test
  void romeReadsTheFeedBackWithTheSameValues() {
    Feed feed = readWithRome(AtomFeed.toXml(OPTIONS, items()));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getId()).isEqualTo(FEED_ID.toString());
    assertThat(feed.getTitle()).isEqualTo("Harmattan alerts: Mali");
    assertThat(feed.getUpdated().toInstant()).isEqualTo(UPDATED);
    assertThat(feed.getAuthors()).extracting(a -> a.getName()).containsExactly("Harmattan");
    assertThat(feed.getOtherLinks())
        .extracting(Link::getRel, Link::getHref)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("self", SELF.toString()));

    List<Entry> entries = feed.getEntries();
    assertThat(entries)
        .extracting(Entry::getId)
        .containsExactlyElementsOf(NEWEST_FIRST.stream().map(AtomFeed::toEntryId).toList());
    Entry segou = entries.get(3);
    Alert alert = AlertFixtures.specialCharactersSegou();
    assertThat(segou.getTitle()).isEqualTo(alert.headline());
    assertThat(segou.getContents().get(0).getValue()).isEqualTo(alert.text());
    assertThat(segou.getUpdated().toInstant()).isEqualTo(Instant.parse("2018-05-12T00:00:00Z"));
    assertThat(segou.getPublished().toInstant()).isEqualTo(Instant.parse("2018-05-12T00:00:00Z"));
    assertThat(segou.getCategories())
        .extracting(Category::getTerm)
        .containsExactly("acled-surge", "severe");
    assertThat(entries.get(0).getAlternateLinks())
        .extracting(Link::getHref)
        .containsExactly(MOPTI_PAGE.toString());
  }

  @Test
  void specialCharactersRoundTripAndStayUtf8() {
    Alert alert = AlertFixtures.specialCharactersSegou();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomFeed.write(OPTIONS, List.of(AtomFeed.Item.of(alert)), out);
    String xml = out.toString(StandardCharsets.UTF_8);
    TestXml x = TestXml.parse(xml);

    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    assertThat(xml).contains("Attacks &amp; clashes &lt;rising&gt; in Ségou");
    assertThat(x.text("/atom:feed/atom:entry/atom:title"))
        .isEqualTo("Attacks & clashes <rising> in Ségou");
    assertThat(x.text("/atom:feed/atom:entry/atom:content"))
        .isEqualTo("Events in Ségou: 12 > 5 & \"rising\"; région de Ségou, Mali.");
    assertThat(readWithRome(xml).getEntries().get(0).getTitle())
        .isEqualTo("Attacks & clashes <rising> in Ségou");
  }

  @Test
  void entryIdsAreStableBetweenTwoWrites() {
    List<AtomFeed.Item> shuffled = new ArrayList<>(items());
    Collections.reverse(shuffled);
    AtomFeed.Options later =
        AtomFeed.Options.of(FEED_ID, "Harmattan alerts: Mali", UPDATED.plusSeconds(3600), SELF);

    String first = AtomFeed.toXml(OPTIONS, items());
    String second = AtomFeed.toXml(later, shuffled);

    List<String> firstIds = TestXml.parse(first).texts("/atom:feed/atom:entry/atom:id");
    List<String> secondIds = TestXml.parse(second).texts("/atom:feed/atom:entry/atom:id");
    assertThat(firstIds).hasSize(5).doesNotHaveDuplicates().isEqualTo(secondIds);
    assertThat(AtomFeed.toEntryId("acled-surge/MLI/mopti/2018-05-14"))
        .isEqualTo("urn:harmattan:alert:acled-surge/MLI/mopti/2018-05-14");
  }

  @Test
  void anEntryIdIsAValidUriWhateverTheAlertId() {
    String id = AtomFeed.toEntryId("surge rule/MLI/ségou/a&b?c#d%/2018-05-12");

    assertThat(id)
        .isEqualTo("urn:harmattan:alert:surge%20rule/MLI/s%C3%A9gou/a%26b%3Fc%23d%25/2018-05-12");
    URI uri = URI.create(id);
    assertThat(uri.getScheme()).isEqualTo("urn");
    assertThat(uri.getRawFragment()).isNull();
  }

  @Test
  void alertsRaisedAtTheSameInstantAreOrderedByDateThenId() {
    Instant same = Instant.parse("2018-05-14T12:00:00Z");
    List<AtomFeed.Item> items =
        List.of(
            AtomFeed.Item.of(AlertFixtures.capitalRadiusCircle(), same),
            AtomFeed.Item.of(AlertFixtures.countryWideNoGeometry(), same),
            AtomFeed.Item.of(AlertFixtures.admin1WithPolygon(), same));

    assertThat(TestXml.parse(AtomFeed.toXml(OPTIONS, items)).texts("/atom:feed/atom:entry/atom:id"))
        .containsExactly(
            "urn:harmattan:alert:acled-surge/MLI/2018-05-14",
            "urn:harmattan:alert:acled-threat/MLI/mopti/2018-05-14",
            "urn:harmattan:alert:capital-radius/MLI/2018-05-13");
  }

  @Test
  void anEmptyFeedStillHasItsRequiredElements() {
    TestXml x = TestXml.parse(AtomFeed.toXml(OPTIONS, List.of()));

    assertThat(x.text("/atom:feed/atom:id")).isEqualTo(FEED_ID.toString());
    assertThat(x.text("/atom:feed/atom:updated")).isEqualTo("2018-05-15T07:00:00Z");
    assertThat(x.text("/atom:feed/atom:author/atom:name")).isEqualTo("Harmattan");
    assertThat(x.nodes("/atom:feed/atom:entry")).isEmpty();
  }

  @Test
  void badInputIsRefusedSayingWhatWasExpected() {
    AtomFeed.Item twice = AtomFeed.Item.of(AlertFixtures.countryWideNoGeometry());

    assertThatThrownBy(() -> AtomFeed.toXml(OPTIONS, List.of(twice, twice)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alert acled-surge/MLI/2018-05-14 is listed twice");
    assertThatThrownBy(() -> AtomFeed.Options.of(URI.create("alerts"), "t", UPDATED, SELF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feed id \"alerts\" is not an absolute IRI");
    assertThatThrownBy(() -> AtomFeed.Options.of(FEED_ID, "t", UPDATED, URI.create("/alerts.atom")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feed self link");
    assertThatThrownBy(
            () ->
                new AtomFeed.Item(
                    AlertFixtures.countryWideNoGeometry(), UPDATED, URI.create("alerts/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web link of alert acled-surge/MLI/2018-05-14");
  }
}
