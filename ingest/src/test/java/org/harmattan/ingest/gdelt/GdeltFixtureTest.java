package org.harmattan.ingest.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.ingest.common.CollectingSink.Read;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** Hand-written GDELT files in the documented 1.0 and 2.0 layouts, read end to end. */
class GdeltFixtureTest {

  @Test
  void gdelt1With57And58ColumnRows() throws IOException {
    Path path = SharedData.fixture("gdelt/gdelt1-57-and-58-columns.tsv");
    Read r = CollectingSink.read(path);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.GDELT_1);
    assertThat(r.summary().rowsRead()).isEqualTo(5);
    assertThat(r.summary().rowsRead()).isEqualTo(r.summary().accepted() + r.summary().rejected());
    assertThat(r.summary().accepted()).isEqualTo(4);
    assertThat(r.events()).allSatisfy(e -> assertThat(e.machineCoded()).isTrue());

    Event battle = r.event("564200001");
    assertThat(battle.eventType()).isEqualTo(EventType.BATTLES);
    assertThat(battle.countryIso3()).isEqualTo("MLI");
    assertThat(battle.location()).isEqualTo("Nampala, Segou, Mali");
    assertThat(battle.latitude()).isEqualTo(15.2833);
    assertThat(battle.provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("2016-07-28T00:00:00Z"));

    Event riot = r.event("564200002");
    assertThat(riot.eventType()).isEqualTo(EventType.RIOTS);
    assertThat(riot.countryIso3()).as("from Actor1Geo, UV = Burkina Faso").isEqualTo("BFA");
    assertThat(riot.latitude()).isNull();
    assertThat(riot.actors())
        .containsExactly(new EventActor(ActorRole.ACTOR_1, "BURKINA FASO", null));

    Event bombing = r.event("1553901");
    assertThat(bombing.date()).isEqualTo(LocalDate.of(1982, 1, 4));
    assertThat(bombing.eventType()).isEqualTo(EventType.EXPLOSIONS_REMOTE_VIOLENCE);
    assertThat(bombing.sourceEventType()).isEqualTo("1831");
    assertThat(bombing.sourceSubEventType()).isEqualTo("183");
    assertThat(bombing.countryIso3()).isEqualTo("NER");
    assertThat(bombing.sourceNames()).as("57 columns: no SOURCEURL").isNull();

    Event westBank = r.event("564200005");
    assertThat(westBank.countryIso3()).isEqualTo("PSE");
    assertThat(westBank.eventType()).isEqualTo(EventType.OTHER);
    assertThat(westBank.findActor(ActorRole.ACTOR_1).orElseThrow().name()).isEqualTo("PSE");

    assertThat(r.problemCodes()).containsExactly(List.of("unknown_country"));
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    assertThat(r.rejectedAt(4).raw()).isEqualTo(lines.get(3));
    assertThat(r.rejectedAt(4).message())
        .startsWith("gdelt1-57-and-58-columns.tsv line 4, column ActionGeo_CountryCode:");
  }

  @Test
  void gdelt2With61Columns() {
    Read r = CollectingSink.read(SharedData.fixture("gdelt/gdelt2.tsv"));
    assertThat(r.summary().format()).isEqualTo(SourceFormat.GDELT_2);
    assertThat(r.summary().rowsRead()).isEqualTo(3);
    assertThat(r.summary().accepted()).isEqualTo(3);
    assertThat(r.rejected()).isEmpty();

    Event airstrike = r.event("1032540001");
    assertThat(airstrike.eventType()).isEqualTo(EventType.EXPLOSIONS_REMOTE_VIOLENCE);
    assertThat(airstrike.countryIso3()).isEqualTo("MLI");
    assertThat(airstrike.latitude()).isEqualTo(14.4843);
    assertThat(airstrike.longitude()).isEqualTo(-4.1827);
    assertThat(airstrike.geoPrecision()).isEqualTo(4);
    assertThat(airstrike.provenance().sourceTimestamp())
        .isEqualTo(Instant.parse("2022-03-12T15:45:00Z"));
    assertThat(airstrike.sourceNames()).isEqualTo("https://example.org/2022/03/12/mopti-airstrike");

    Event protest = r.event("1032540002");
    assertThat(protest.eventType()).isEqualTo(EventType.PROTESTS);
    assertThat(protest.countryIso3()).isEqualTo("NER");
    assertThat(protest.geoPrecision()).isEqualTo(1);

    Event massacre = r.event("1032540003");
    assertThat(massacre.eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(massacre.countryIso3()).isEqualTo("BFA");
    assertThat(massacre.actors())
        .containsExactly(new EventActor(ActorRole.ACTOR_2, "VILLAGER", null));
    assertThat(massacre.date()).isEqualTo(LocalDate.of(2022, 3, 11));
  }
}
