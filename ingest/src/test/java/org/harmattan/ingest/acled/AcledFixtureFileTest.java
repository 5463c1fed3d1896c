package org.harmattan.ingest.acled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFormat;
import org.junit.jupiter.api.Test;

/**
 * Hand-written ACLED files, one edge case each, read through {@link
 * org.harmattan.ingest.EventFileReader} end to end.
 */
class AcledFixtureFileTest {

  private static ReadSummary read(String fixture, CollectingSink sink) {
    ReadSummary summary = TestFiles.read(TestFiles.fixture(fixture), sink);
    assertThat(summary.rowsRead()).isEqualTo(summary.accepted() + summary.rejected());
    assertThat(sink.events).hasSize((int) summary.accepted());
    assertThat(sink.rejected).hasSize((int) summary.rejected());
    return summary;
  }

  /** The physical lines {@code first..last} (1-based) of a fixture, joined with '\n'. */
  private static String lines(String fixture, int first, int last) throws IOException {
    List<String> all = Files.readAllLines(TestFiles.fixture(fixture), StandardCharsets.UTF_8);
    return String.join("\n", all.subList(first - 1, last));
  }

  private static Event event(CollectingSink sink, String id) {
    return sink.events.stream()
        .filter(e -> e.sourceEventId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + id));
  }

  @Test
  void currentSchema() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-current.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(summary.accepted()).isEqualTo(4);
    assertThat(summary.rejected()).isZero();
    assertThat(summary.notes()).isEmpty();
    assertThat(sink.events)
        .extracting(Event::sourceEventId)
        .containsExactly("MLI9101", "MLI9102", "BFA9103", "NER9104");
    assertThat(sink.lines)
        .containsExactly(
            new LineRange(2, 2), new LineRange(3, 3), new LineRange(4, 4), new LineRange(5, 5));

    Event attack = event(sink, "MLI9101");
    assertThat(attack.eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(attack.subEventType()).isEqualTo("Attack");
    assertThat(attack.civilianTargeting()).isTrue();
    assertThat(attack.listActors(ActorRole.ASSOCIATED_1)).isEmpty();
    assertThat(attack.listActors(ActorRole.ASSOCIATED_2))
        .containsExactly(
            new EventActor(ActorRole.ASSOCIATED_2, "Fulani Ethnic Group (Mali)", null));
    assertThat(attack.notes()).contains("(Bandiagara, Mopti)");

    Event protest = event(sink, "MLI9102");
    assertThat(protest.disorderType()).isEqualTo("Demostrations");
    assertThat(protest.eventType()).isEqualTo(EventType.PROTESTS);
    assertThat(protest.listActors(ActorRole.ASSOCIATED_1)).hasSize(2);
    assertThat(protest.findActor(ActorRole.ACTOR_2)).isEmpty();
    assertThat(protest.tags()).containsExactly("crowd size=around 200");

    Event battle = event(sink, "BFA9103");
    assertThat(battle.countryIso3()).isEqualTo("BFA");
    assertThat(battle.datePrecision()).isEqualTo(DatePrecision.WEEK);
    assertThat(battle.fatalities().best()).isEqualTo(5);

    Event looting = event(sink, "NER9104");
    assertThat(looting.eventType()).isEqualTo(EventType.STRATEGIC_DEVELOPMENTS);
    // The file has a civilian_targeting column and leaves it empty: no, despite civilians.
    assertThat(looting.civilianTargeting()).isFalse();
    assertThat(looting.tags()).containsExactly("local administrators");
  }

  @Test
  void export2019WithOldTaxonomy() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-2019-export.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_2019);
    assertThat(summary.accepted()).isEqualTo(5);
    assertThat(sink.events)
        .extracting(Event::eventType)
        .containsExactly(
            EventType.BATTLES,
            EventType.RIOTS,
            EventType.PROTESTS,
            EventType.EXPLOSIONS_REMOTE_VIOLENCE,
            EventType.STRATEGIC_DEVELOPMENTS);
    assertThat(sink.events)
        .extracting(Event::subEventType)
        .containsExactly("Armed clash", null, null, null, "Headquarters or base established");
    assertThat(event(sink, "MLI9201").date()).isEqualTo(LocalDate.of(2019, 1, 14));
    assertThat(event(sink, "MLI9201").sourceEventType()).isEqualTo("Battle-No change of territory");
    assertThat(event(sink, "MLI9204").datePrecision()).isEqualTo(DatePrecision.WEEK);
    // No civilian_targeting column: derived (no row here is violence against civilians).
    assertThat(sink.events).noneMatch(Event::civilianTargeting);
    // iso3 says BFA although country says Mali: iso3 is trusted.
    assertThat(event(sink, "MLI9205").countryIso3()).isEqualTo("BFA");
  }

  @Test
  void schema2016WithTrailingEmptyColumns() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-2016-schema.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_2016);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.rejected()).isZero();
    assertThat(sink.events).extracting(Event::countryIso3).containsExactly("MLI", "CIV", "COD");
    assertThat(sink.events)
        .extracting(Event::eventType)
        .containsExactly(
            EventType.PROTESTS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.BATTLES);
    Event mali = event(sink, "9301MLI");
    assertThat(mali.date()).isEqualTo(LocalDate.of(2016, 1, 12));
    assertThat(mali.listActors(ActorRole.ASSOCIATED_1))
        .extracting(EventActor::name)
        .containsExactly("Traders (Mali)");
    assertThat(mali.sourceNames()).isEqualTo("L'Essor");
    assertThat(event(sink, "9302CIV").civilianTargeting()).isTrue();
    assertThat(event(sink, "9303DRC").subEventType()).isEqualTo("Government regains territory");
  }

  @Test
  void hdxHxlRowIsSkipped() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-hdx-hxl.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_HDX);
    assertThat(summary.rowsRead()).isEqualTo(3);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.notes()).contains("HXL hashtag row on line 2");
    assertThat(sink.lines).first().isEqualTo(new LineRange(3, 3));
    assertThat(event(sink, "MLI9401").provenance().lineNumber()).isEqualTo(3);
    assertThat(event(sink, "MLI9402").civilianTargeting()).isTrue();
    assertThat(event(sink, "MLI9403").datePrecision()).isEqualTo(DatePrecision.MONTH);
    assertThat(event(sink, "MLI9403").subEventType()).isEqualTo("Agreement");
  }

  @Test
  void byteOrderMarkIsStrippedFromTheFirstColumnName() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-bom.csv", sink);

    // Were the BOM left on "event_id_cnty", every row would lack its event id.
    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(sink.codes()).doesNotContain("missing_event_id");
    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(sink.events).extracting(Event::sourceEventId).containsExactly("MLI9101", "MLI9102");
  }

  @Test
  void windowsLineEndings() throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-crlf.csv", sink);

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(1);
    RejectedRow bad = sink.rejected.get(0);
    assertThat(bad.lineNumber()).isEqualTo(4);
    assertThat(bad.problems()).extracting(Problem::code).containsExactly("bad_date");
    assertThat(bad.raw()).isEqualTo(lines("acled-crlf.csv", 4, 4)).doesNotContain("\r");
    // The last field before CRLF is read without the carriage return.
    assertThat(event(sink, "MLI9102").provenance().sourceTimestamp().getEpochSecond())
        .isEqualTo(1652120000L);
  }

  @Test
  void quotedNewlinesKeepLineNumbersAndRawText() throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-quoted-newline.csv", sink);

    assertThat(summary.rowsRead()).isEqualTo(4);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(event(sink, "MLI9102").notes())
        .isEqualTo(
            "On 4 May 2022,\nstudents and teachers marched in Bamako to demand unpaid grants."
                + " [size=around 200]");
    assertThat(sink.lines)
        .containsExactly(new LineRange(2, 2), new LineRange(3, 4), new LineRange(8, 8));
    assertThat(event(sink, "NER9104").provenance().lineNumber()).isEqualTo(8);

    RejectedRow bad = sink.rejected.get(0);
    assertThat(bad.lineNumber()).isEqualTo(5);
    assertThat(bad.problems()).extracting(Problem::code).containsExactly("bad_fatalities");
    assertThat(bad.raw()).isEqualTo(lines("acled-quoted-newline.csv", 5, 7));
    assertThat(bad.raw()).contains("\"Around\n\n 6 May 2022");
    assertThat(bad.message()).startsWith("acled-quoted-newline.csv line 5, column fatalities: ");
  }

  @Test
  void headerOnlyGivesNoRows() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-header-only.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(summary.rowsRead()).isZero();
    assertThat(sink.events).isEmpty();
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void fileCutInsideAnOpenQuoteQuarantinesTheLastRecord() throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-truncated-last-line.csv", sink);

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(1);
    RejectedRow cut = sink.rejected.get(0);
    assertThat(cut.lineNumber()).isEqualTo(4);
    assertThat(cut.problems()).extracting(Problem::code).containsExactly("truncated_record");
    assertThat(cut.problems().get(0).message()).contains("line 4").contains("closing quote");
    assertThat(cut.raw()).isEqualTo(lines("acled-truncated-last-line.csv", 4, 4));
  }

  @Test
  void latin1IsDecodedAndNoted() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-latin1.csv", sink);

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.notes())
        .anySatisfy(n -> assertThat(n).contains("line 3").contains("Windows-1252 (Latin-1)"));
    Event segou = event(sink, "MLI9102");
    assertThat(segou.admin1()).isEqualTo("S\u00e9gou");
    assertThat(segou.location()).isEqualTo("S\u00e9gou");
    assertThat(segou.notes()).contains("in S\u00e9gou");
  }

  @Test
  void semicolonSeparatedFileReadsFine() {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-semicolon.csv", sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.rejected()).isZero();
    assertThat(summary.notes()).contains("fields separated by ';'");
    assertThat(event(sink, "BFA9103").notes()).contains("(week of), soldiers");
  }

  @Test
  void oneRowWithAnotherDelimiterIsQuarantinedWithAHint() throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-wrong-delimiter-row.csv", sink);

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(1);
    RejectedRow bad = sink.rejected.get(0);
    assertThat(bad.lineNumber()).isEqualTo(3);
    assertThat(bad.problems()).extracting(Problem::code).containsExactly("wrong_column_count");
    assertThat(bad.problems().get(0).message())
        .contains("expected 31 (the header's column count)")
        .contains("the row contains ';' where the header uses ',': wrong delimiter?");
    assertThat(bad.raw()).isEqualTo(lines("acled-wrong-delimiter-row.csv", 3, 3));
    assertThat(event(sink, "NER9104").provenance().lineNumber()).isEqualTo(4);
  }

  @Test
  void emptyFileIsRefused() {
    Path empty = TestFiles.fixture("acled-empty.csv");
    CollectingSink sink = new CollectingSink();

    assertThatThrownBy(() -> TestFiles.read(empty, sink))
        .isInstanceOf(HarmattanException.class)
        .satisfies(
            e -> {
              HarmattanException h = (HarmattanException) e;
              assertThat(h.code()).isEqualTo("empty_file");
              assertThat(h.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
              assertThat(h.getMessage()).contains("acled-empty.csv is empty");
            });
    assertThat(sink.events).isEmpty();
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void badValuesAreQuarantinedWithEveryProblem() throws IOException {
    CollectingSink sink = new CollectingSink();
    ReadSummary summary = read("acled-bad-values.csv", sink);

    assertThat(summary.rowsRead()).isEqualTo(7);
    assertThat(summary.accepted()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(6);
    assertThat(sink.events).extracting(Event::sourceEventId).containsExactly("MLI9101");
    assertThat(sink.rejected)
        .extracting(RejectedRow::lineNumber)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(sink.rejected)
        .extracting(r -> r.problems().stream().map(Problem::code).toList())
        .containsExactly(
            List.of("bad_date"),
            List.of("coordinates_out_of_range"),
            List.of("bad_fatalities"),
            List.of("missing_event_id"),
            List.of("unknown_event_type"),
            List.of("bad_date", "missing_actor", "unknown_country"));
    for (RejectedRow r : sink.rejected) {
      int line = (int) r.lineNumber();
      assertThat(r.raw()).isEqualTo(lines("acled-bad-values.csv", line, line));
      assertThat(r.dataset()).isEqualTo("acled-bad-values.csv");
    }
    assertThat(sink.rejected.get(0).message())
        .isEqualTo(
            "acled-bad-values.csv line 3, column event_date: \"2019-13-01\" is not a date"
                + " (expected yyyy-MM-dd or \"22 February 2019\")");
    assertThat(sink.rejected.get(5).problems().get(0).message()).contains("\"2022-02-30\"");
    assertThat(sink.rejected.get(5).problems().get(2).message()).contains("\"Atlantis\" (iso 999)");
  }
}
