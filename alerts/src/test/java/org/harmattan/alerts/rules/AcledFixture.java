package org.harmattan.alerts.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.testsupport.acled.AcledCsv;

/**
 * A small ACLED file for rule tests: in Mopti one battle every Monday from 1 January to 24 June
 * 2024, then three on 1–3 July and three on 12–14 July; near Bamako a rebel attack on 10 March,
 * state forces on 20 May, a militia on 15 June, rebels again on 1 July, and rebels 150 km away on 5
 * July. Event ids run MLI1… for Mopti and MLI101… near Bamako.
 */
public final class AcledFixture {

  private AcledFixture() {}

  /** Writes the file into {@code dir} and returns it. */
  public static Path write(Path dir) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add(AcledCsv.HEADER);
    int n = 0;
    for (LocalDate d = LocalDate.of(2024, 1, 1);
        !d.isAfter(LocalDate.of(2024, 6, 24));
        d = d.plusWeeks(1)) {
      rows.add(row(++n, d, 2, "Mopti", 14.49, -4.18));
    }
    for (int day : new int[] {1, 2, 3, 12, 13, 14}) {
      rows.add(row(++n, LocalDate.of(2024, 7, day), 2, "Mopti", 14.49, -4.18));
    }
    rows.add(row(101, LocalDate.of(2024, 3, 10), 2, "Koulikoro", 12.70, -8.00));
    rows.add(row(102, LocalDate.of(2024, 5, 20), 1, "Koulikoro", 12.70, -8.00));
    rows.add(row(103, LocalDate.of(2024, 6, 15), 3, "Koulikoro", 12.70, -8.00));
    rows.add(row(104, LocalDate.of(2024, 7, 1), 2, "Koulikoro", 12.70, -8.00));
    rows.add(row(105, LocalDate.of(2024, 7, 5), 2, "Koulikoro", 14.00, -8.00));
    Path file = dir.resolve("acled-mali-2024.csv");
    Files.write(file, rows);
    return file;
  }

  private static String row(
      int n, LocalDate date, int inter1, String admin1, double lat, double lon) {
    return String.format(
        Locale.ROOT,
        "MLI%d,%s,%d,1,Political violence,Battles,Armed clash,Actor %d,,%d,Military Forces of"
            + " Mali,,1,%d,,466,Western Africa,Mali,%s,%s,%s,Place %d,%.4f,%.4f,1,Local source,"
            + "Subnational,\"Clash.\",1,,1720000000",
        n,
        date,
        date.getYear(),
        inter1,
        inter1,
        10 * inter1 + 1,
        admin1,
        admin1,
        admin1,
        n,
        lat,
        lon);
  }
}
