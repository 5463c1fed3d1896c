package org.harmattan.analytics.influence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.acled.AcledCsv;

/**
 * Hand-made ACLED rows (current export schema) written to a file, ingested through the same
 * pipeline as a user's file into the in-memory reference engine, and measured there.
 */
final class HandMadeEvents {

  static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  static final String FAMA = "Military Forces of Mali (2021-)";
  static final String ISSP = "Islamic State (Sahel)";
  static final String CMA = "CMA: Coordination of Movements of the Azawad";
  static final String CIVILIANS = "Civilians (Mali)";

  static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

  private final List<String> rows = new ArrayList<>();
  private int next = 1;

  /** One event; {@code actor2} may be null. */
  HandMadeEvents add(
      LocalDate date,
      String type,
      String subType,
      String actor1,
      String actor2,
      double lat,
      double lon,
      int fatalities) {
    String id = "MLI" + (8000 + next++);
    rows.add(
        String.join(
            ",",
            id,
            date.toString(),
            String.valueOf(date.getYear()),
            "1",
            "Political violence",
            quote(type),
            quote(subType),
            quote(actor1),
            "",
            "2",
            actor2 == null ? "" : quote(actor2),
            "",
            actor2 == null ? "0" : "1",
            "12",
            "",
            "466",
            "Western Africa",
            "Mali",
            "Mopti",
            "Mopti",
            "Mopti",
            "Place " + id,
            String.format(Locale.ROOT, "%.6f", lat),
            String.format(Locale.ROOT, "%.6f", lon),
            "1",
            "Test",
            "Local",
            "\"hand-made\"",
            String.valueOf(fatalities),
            "",
            "1741000000"));
    return this;
  }

  /** The id the n-th added event got (1-based). */
  static String id(int n) {
    return "acled:MLI" + (8000 + n);
  }

  TerritorialInfluence compute(Path dir, InfluenceOptions options) throws IOException {
    Path file = dir.resolve("events-" + System.nanoTime() + ".csv");
    List<String> lines = new ArrayList<>();
    lines.add(AcledCsv.HEADER);
    lines.addAll(rows);
    Files.write(file, lines, StandardCharsets.UTF_8);
    LocalDate today = LocalDate.of(2026, 1, 15);
    try (InMemoryStore store = new InMemoryStore()) {
      new EventIngest(today)
          .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), x -> {});
      return TerritorialInfluence.compute(
          store.analytics(),
          ActorRegistry.shipped(),
          new SecurityRequest("MLI", YEAR_2025, null, Set.of(SourceSystem.ACLED), today),
          options);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
