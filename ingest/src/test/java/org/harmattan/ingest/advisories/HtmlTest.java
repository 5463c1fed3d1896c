package org.harmattan.ingest.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void entityNamesKeepTheirCase() {
    assertThat(Html.decode("&Eacute;cole &eacute;t&eacute; &AMP; &Uuml;ber"))
        .isEqualTo("\u00C9cole \u00E9t\u00E9 & \u00DCber");
    assertThat(Html.decode("&unknown; &#233; &#xE9;")).isEqualTo("&unknown; \u00E9 \u00E9");
  }

  @Test
  void everyNamedEntityIsDecodedNotOnlyACommonFew() {
    assertThat(Html.decode("&oelig;uvre &euro; &bdquo;Gao&ldquo; &Oslash; &hellip; &Eacute;"))
        .isEqualTo("\u0153uvre \u20AC \u201EGao\u201C \u00D8 \u2026 \u00C9");
    String body =
        "<p>&Eacute;vitez la r&eacute;gion&hellip;</p>"
            + "<p>Vor Reisen in die Region &bdquo;M&eacute;naka&ldquo; wird gewarnt:</p>"
            + "<ul><li>C&oelig;ur du Sahel</li><li>Kosten &gt; 100&nbsp;&euro;</li></ul>";
    assertThat(Html.text(body))
        .isEqualTo(
            "\u00C9vitez la r\u00E9gion\u2026\n"
                + "Vor Reisen in die Region \u201EM\u00E9naka\u201C wird gewarnt:\n"
                + "C\u0153ur du Sahel\n"
                + "Kosten > 100 \u20AC");
    assertThat(Html.lists(body))
        .containsExactly(
            new Html.Listed(
                "Vor Reisen in die Region \u201EM\u00E9naka\u201C wird gewarnt:",
                List.of("C\u0153ur du Sahel", "Kosten > 100 \u20AC")));
  }

  @Test
  void listsComeWithTheLineThatIntroducesThem() {
    String body =
        "<p>Intro.</p><p>FCDO advises against all travel to:</p>"
            + "<ul><li>Gao region</li><li>M&eacute;naka region</li></ul>";
    assertThat(Html.lists(body))
        .containsExactly(
            new Html.Listed(
                "FCDO advises against all travel to:", List.of("Gao region", "Ménaka region")));
    assertThat(Html.text(body))
        .isEqualTo("Intro.\nFCDO advises against all travel to:\nGao region\nMénaka region");
  }

  @Test
  void nestedListsAreReportedApartWithTheItemTheySitInAsLead() {
    String body =
        "<p>FCDO advises against all travel to:</p>"
            + "<ul>"
            + "<li>Gao region, except:"
            + "<ul><li>Gao city</li><li>the <b>RN15</b> road</li></ul>"
            + "</li>"
            + "<li>Kidal region</li>"
            + "</ul>"
            + "<p>FCDO advises against all but essential travel to:</p>"
            + "<ol><li>Bamako</li></ol>";
    assertThat(Html.lists(body))
        .containsExactly(
            new Html.Listed(
                "FCDO advises against all travel to:",
                List.of("Gao region, except:", "Kidal region")),
            new Html.Listed("Gao region, except:", List.of("Gao city", "the RN15 road")),
            new Html.Listed(
                "FCDO advises against all but essential travel to:", List.of("Bamako")));
    assertThat(Html.text(body))
        .isEqualTo(
            "FCDO advises against all travel to:\n"
                + "Gao region, except:\n"
                + "Gao city\n"
                + "the RN15 road\n"
                + "Kidal region\n"
                + "FCDO advises against all but essential travel to:\n"
                + "Bamako");
  }

  @Test
  void itemsWithoutClosingTagsAreKept() {
    String body =
        "<p>Es wird vor Reisen in folgende Regionen gewarnt:"
            + "<ul><li>Region Gao<li>Region Kidal\n<li>Region M&eacute;naka</ul>"
            + "<p>Ende";
    assertThat(Html.lists(body))
        .containsExactly(
            new Html.Listed(
                "Es wird vor Reisen in folgende Regionen gewarnt:",
                List.of("Region Gao", "Region Kidal", "Region Ménaka")));
    assertThat(Html.text(body))
        .isEqualTo(
            "Es wird vor Reisen in folgende Regionen gewarnt:\n"
                + "Region Gao\nRegion Kidal\nRegion Ménaka\nEnde");
  }

  @Test
  void greaterThanInsideAttributesAndCommentsIsNotTheEndOfATag() {
    String body =
        "<p title=\"risk > 3\" data-x='a>b'>Avoid travel to:</p>"
            + "<!-- edited > twice; <ul><li>not an area</li></ul> -->"
            + "<ul><li><a href=\"/mali?x=1>2\" title=\">\">Tombouctou</a></li></ul>";
    assertThat(Html.lists(body))
        .containsExactly(new Html.Listed("Avoid travel to:", List.of("Tombouctou")));
    assertThat(Html.text(body)).isEqualTo("Avoid travel to:\nTombouctou");
  }

  @Test
  void aListRightAfterAnotherHasNoLead() {
    String body = "<p>Areas:</p><ul><li>Gao</li></ul><ul><li>Kidal</li></ul>";
    assertThat(Html.lists(body))
        .containsExactly(
            new Html.Listed("Areas:", List.of("Gao")), new Html.Listed("", List.of("Kidal")));
  }

  @Test
  void scriptsStylesAndInlineTagsAddNoTextAndWhiteSpaceIsCollapsed() {
    String body =
        "<style>p { color: red }</style><script>if (a < b && c > d) {}</script>"
            + "<p>  Do not   travel\n to <b>Mali</b>.&nbsp;&nbsp;Leave<br>now.</p>"
            + "<table><tr><td>Gao</td><td>Level&nbsp;4</td></tr></table>";
    assertThat(Html.text(body)).isEqualTo("Do not travel to Mali. Leave\nnow.\nGao Level 4");
    assertThat(Html.lists(body)).isEmpty();
  }

  @Test
  void aWholeDocumentGivesTheTextOfItsBody() {
    String doc =
        "<!DOCTYPE html><html><head><title>Mali</title><meta charset=utf-8></head>"
            + "<body><h1>Mali</h1><div><p>Summary</p></div></body></html>";
    assertThat(Html.text(doc)).isEqualTo("Mali\nSummary");
    assertThat(Html.text("")).isEmpty();
  }
}
