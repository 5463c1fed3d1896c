package org.harmattan.ingest.acled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.TextLines;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Reads the real ACLED files in {@code shared/data} and checks the reader's figures against counts
 * made here from the raw text with {@link SimpleCsv}. Skipped when the data is not on this machine.
 */
class AcledRealDataTest {

  private static Path data(String relative) {
    return SharedData.require(relative);
  }

  private static Map<EventType, Long> byType(List<Event> events) {
    return events.stream().collect(Collectors.groupingBy(Event::eventType, Collectors.counting()));
  }

  @Test
  void mali2017to2019ExportMapsOldTaxonomy() throws IOException {
    Path path = data("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    SimpleCsv raw = SimpleCsv.read(path, StandardCharsets.UTF_8, 0);
    CollectingSink sink = new CollectingSink();

    ReadSummary summary = TestFiles.read(path, sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_2019);
    assertThat(raw.records).hasSize(1339);
    assertThat(summary.rowsRead()).isEqualTo(raw.records.size());
    assertThat(summary.accepted()).isEqualTo(1339);
    assertThat(summary.rejected()).isZero();
    assertThat(sink.events)
        .extracting(e -> e.provenance().lineNumber())
        .containsExactlyElementsOf(raw.startLines);
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.events.stream().mapToLong(e -> e.fatalities().best()).sum())
        .isEqualTo(raw.sum("fatalities"));

    // The Riots/Protests split, computed here from the raw columns: inter1 5 or 6 decides; two
    // rows (MLI2634 Dozo militia, MLI1953 army) have another actor 1 and "Rioters (Mali)" as
    // actor 2, so they are riots by name.
    long riotsProtests = raw.count("event_type", "Riots/Protests");
    long rioters = 0;
    long protesters = 0;
    for (List<String> r : raw.records) {
      if (!raw.get(r, "event_type").equals("Riots/Protests")) {
        continue;
      }
      String inter1 = raw.get(r, "inter1");
      String names = raw.get(r, "actor1") + "|" + raw.get(r, "actor2");
      if (inter1.equals("5") || (!inter1.equals("6") && names.contains("Rioters"))) {
        rioters++;
      } else if (inter1.equals("6") || names.contains("Protesters")) {
        protesters++;
      }
    }
    assertThat(rioters + protesters).isEqualTo(riotsProtests).isEqualTo(117);
    assertThat(raw.count("inter1", "5")).isEqualTo(31);
    assertThat(rioters).isEqualTo(31 + 2);
    Map<EventType, Long> types = byType(sink.events);
    assertThat(types)
        .containsEntry(
            EventType.BATTLES,
            raw.count("event_type", "Battle-No change of territory")
                + raw.count("event_type", "Battle-Non-state actor overtakes territory"))
        .containsEntry(EventType.BATTLES, 425L + 4L)
        .containsEntry(
            EventType.EXPLOSIONS_REMOTE_VIOLENCE, raw.count("event_type", "Remote violence"))
        .containsEntry(
            EventType.VIOLENCE_AGAINST_CIVILIANS,
            raw.count("event_type", "Violence against civilians"))
        .containsEntry(
            EventType.STRATEGIC_DEVELOPMENTS,
            raw.count("event_type", "Strategic development")
                + raw.count("event_type", "Non-violent transfer of territory")
                + raw.count("event_type", "Headquarters or base established"))
        .containsEntry(EventType.RIOTS, rioters)
        .containsEntry(EventType.PROTESTS, protesters);
    assertThat(sink.events.stream().filter(e -> "Armed clash".equals(e.subEventType())).count())
        .isEqualTo(425);
    assertThat(sink.events)
        .allSatisfy(e -> assertThat(e.sourceSubEventType()).isNull())
        .allSatisfy(e -> assertThat(e.provenance().sourceTimestamp()).isNotNull());

    // iso3 is trusted over the country name: one row says Mali but iso3 BFA.
    Map<String, Long> countries =
        sink.events.stream()
            .collect(Collectors.groupingBy(Event::countryIso3, Collectors.counting()));
    assertThat(countries)
        .containsEntry("MLI", raw.count("iso3", "MLI"))
        .containsEntry("BFA", raw.count("iso3", "BFA"))
        .hasSize(2);
    assertThat(sink.events.stream().map(Event::date).min(Comparable::compareTo))
        .hasValueSatisfying(d -> assertThat(d).hasToString("2017-01-01"));
    assertThat(sink.events.stream().map(Event::date).max(Comparable::compareTo))
        .hasValueSatisfying(d -> assertThat(d).hasToString("2019-02-22"));

    Event first = sink.events.get(0);
    assertThat(first.sourceEventId()).isEqualTo("MLI2665");
    assertThat(first.provenance().lineNumber()).isEqualTo(2);
    assertThat(first.listActors(ActorRole.ASSOCIATED_1)).hasSize(1);
  }

  @Test
  void hdxHxlMaliFileReadsEveryEvent() throws IOException {
    Path path = data("acled_hdx_hxl/conflict_data_mli.csv");
    SimpleCsv raw = SimpleCsv.read(path, StandardCharsets.UTF_8, 1);
    CollectingSink sink = new CollectingSink();

    ReadSummary summary = TestFiles.read(path, sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_HDX);
    assertThat(raw.records).hasSize(3269);
    assertThat(summary.rowsRead()).isEqualTo(raw.records.size());
    assertThat(summary.accepted()).isEqualTo(3269);
    assertThat(summary.rejected()).isZero();
    assertThat(sink.events)
        .extracting(e -> e.provenance().lineNumber())
        .containsExactlyElementsOf(raw.startLines);
    assertThat(sink.events.stream().mapToLong(e -> e.fatalities().best()).sum())
        .isEqualTo(raw.sum("fatalities"));
    Map<String, Long> rawTypes =
        raw.records.stream()
            .collect(Collectors.groupingBy(r -> raw.get(r, "event_type"), Collectors.counting()));
    Map<String, Long> mappedTypes =
        sink.events.stream()
            .collect(Collectors.groupingBy(e -> e.eventType().label(), Collectors.counting()));
    assertThat(mappedTypes).isEqualTo(rawTypes);
    Map<Integer, Long> years =
        sink.events.stream()
            .collect(Collectors.groupingBy(e -> e.date().getYear(), Collectors.counting()));
    assertThat(years)
        .containsEntry(2012, raw.count("year", "2012"))
        .containsEntry(2012, 278L)
        .containsEntry(2017, 473L)
        .containsEntry(2018, 751L)
        .containsEntry(2019, 813L);
    assertThat(sink.events).allSatisfy(e -> assertThat(e.countryIso3()).isEqualTo("MLI"));
    // Line 2 is the hashtag row, so the first event is on line 3.
    assertThat(sink.events.get(0).provenance().lineNumber()).isEqualTo(3);
  }

  @Test
  void allAfrica2016SchemaReadsEveryRow() throws IOException {
    Path path = data("acled/acled_all_africa_20160101-20160528__hdx-scraper-acled.csv");
    SimpleCsv raw = SimpleCsv.read(path, TextLines.WINDOWS_1252, 0);
    CollectingSink sink = new CollectingSink();

    ReadSummary summary = TestFiles.read(path, sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED_2016);
    assertThat(raw.records).hasSize(6831);
    assertThat(summary.rowsRead()).isEqualTo(6831);
    assertThat(summary.accepted() + summary.rejected()).isEqualTo(summary.rowsRead());
    assertThat(summary.notes()).anyMatch(n -> n.contains("Windows-1252"));
    // Line 2098 has its longitude written as a no-break space + "27.56061"; it is read, not
    // rejected.
    assertThat(sink.rejected).extracting(RejectedRow::message).isEmpty();
    assertThat(summary.accepted()).isEqualTo(6831);
    Map<String, Long> countries =
        sink.events.stream()
            .collect(Collectors.groupingBy(Event::countryIso3, Collectors.counting()));
    assertThat(countries)
        .containsEntry("MLI", raw.count("country", "Mali"))
        .containsEntry("MLI", 55L)
        .containsEntry("CIV", raw.count("country", "Ivory Coast"))
        .containsEntry("COD", raw.count("country", "Democratic Republic of Congo"))
        .containsEntry("COG", raw.count("country", "Republic of Congo"));
    assertThat(countries)
        .hasSize(raw.records.stream().map(r -> raw.get(r, "country")).distinct().toList().size());
    // 6,831 records on 6,855 data lines: notes with line breaks. Every record starts where the
    // independent parse says, and the records' line ranges tile the file without gaps.
    assertThat(raw.lineCount).isEqualTo(6856);
    assertThat(sink.events)
        .extracting(e -> e.provenance().lineNumber())
        .containsExactlyElementsOf(raw.startLines);
    assertThat(sink.lines.stream().mapToLong(r -> r.last() - r.first() + 1).sum())
        .isEqualTo(raw.lineCount - 1);
    assertThat(sink.lines.get(sink.lines.size() - 1).last()).isEqualTo(raw.lineCount);
    assertThat(sink.events.stream().filter(e -> e.sourceEventId().equals("6297RTA")).findFirst())
        .hasValueSatisfying(e -> assertThat(e.longitude()).isEqualTo(27.56061));
    assertThat(sink.events.stream().mapToLong(e -> e.fatalities().best()).sum())
        .isEqualTo(raw.sum("fatalities"));
    Map<EventType, Long> types = byType(sink.events);
    assertThat(types.get(EventType.RIOTS) + types.get(EventType.PROTESTS))
        .isEqualTo(raw.count("event_type", "Riots/Protests"));
    assertThat(types.get(EventType.BATTLES))
        .isEqualTo(
            raw.count("event_type", "Battle-No change of territory")
                + raw.count("event_type", "Battle-Non-state actor overtakes territory")
                + raw.count("event_type", "Battle-Government regains territory"));
  }

  @Test
  void global2022SampleReadsCurrentSchema() throws IOException {
    Path path = data("acled/acled_global_2022H1_sample9000__acledR.csv");
    SimpleCsv raw = SimpleCsv.read(path, StandardCharsets.UTF_8, 0);
    CollectingSink sink = new CollectingSink();

    ReadSummary summary = TestFiles.read(path, sink);

    assertThat(summary.format()).isEqualTo(SourceFormat.ACLED);
    assertThat(raw.records).hasSize(9000);
    assertThat(summary.rowsRead()).isEqualTo(9000);
    assertThat(summary.accepted()).isEqualTo(9000);
    assertThat(summary.rejected()).isZero();
    assertThat(sink.events)
        .extracting(e -> e.provenance().lineNumber())
        .containsExactlyElementsOf(raw.startLines);
    assertThat(sink.events.stream().mapToLong(e -> e.fatalities().best()).sum())
        .isEqualTo(raw.sum("fatalities"));
    assertThat(sink.events.stream().filter(e -> "Demostrations".equals(e.disorderType())).count())
        .isEqualTo(raw.count("disorder_type", "Demostrations"));
    Map<String, Long> subTypes =
        sink.events.stream()
            .collect(Collectors.groupingBy(Event::subEventType, Collectors.counting()));
    assertThat(subTypes)
        .isEqualTo(
            raw.records.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> raw.get(r, "sub_event_type"), Collectors.counting())));
    // civilian_targeting is present but empty in every row of this R export.
    assertThat(raw.count("civilian_targeting", "")).isEqualTo(9000);
    assertThat(sink.events).noneMatch(Event::civilianTargeting);
    assertThat(sink.events.stream().filter(e -> e.findActor(ActorRole.ACTOR_2).isEmpty()).count())
        .isEqualTo(raw.count("actor2", "NA"));
    assertThat(sink.events.stream().filter(e -> e.countryIso3().equals("MLI")).count())
        .isEqualTo(raw.count("country", "Mali"));
    assertThat(sink.events.stream().collect(Collectors.toMap(Event::id, Function.identity())))
        .hasSize(9000);
  }
}
