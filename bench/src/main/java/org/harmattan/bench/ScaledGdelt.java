package org.harmattan.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.harmattan.ingest.common.Countries;

/**
 * The scaled ACLED rows ({@link ScaledAcled}) written again as a GDELT 2.0 export (61 tab-separated
 * columns, one event per line), so that the engines can be timed on GDELT files made of real
 * events: each row keeps its day, place, point, country, first two actors and revision time (as
 * {@code DATEADDED}); its ACLED event type becomes the CAMEO code GDELT's reader maps back to the
 * same type; ids are numbers from 1,000,000,000 in row order.
 */
final class ScaledGdelt {
  private static final DateTimeFormatter ADDED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** ACLED's event types as CAMEO {@code EventRootCode} and {@code EventCode}. */
  private static final Map<String, String[]> CAMEO =
      Map.of(
          "Battles", new String[] {"19", "190"},
          "Explosions/Remote violence", new String[] {"18", "183"},
          "Violence against civilians", new String[] {"18", "180"},
          "Protests", new String[] {"14", "141"},
          "Riots", new String[] {"14", "145"},
          "Strategic developments", new String[] {"17", "170"});

  private ScaledGdelt() {}

  /** Writes {@code acled}'s rows to {@code out} as GDELT 2.0 lines; returns how many. */
  static long write(Path acled, Path out) throws IOException {
    Countries countries = Countries.get();
    long n = 0;
    try (CsvReader<NamedCsvRecord> in = CsvReader.builder().ofNamedCsvRecord(acled);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      String[] f = new String[61];
      for (NamedCsvRecord r : in) {
        Arrays.fill(f, "");
        String[] cameo = CAMEO.get(r.getField("event_type"));
        if (cameo == null) {
          throw new IllegalStateException("no CAMEO code for " + r.getField("event_type"));
        }
        String day = r.getField("event_date").replace("-", "");
        String fips =
            countries
                .findIso3ByNumeric(Integer.parseInt(r.getField("iso")))
                .flatMap(countries::findFips)
                .orElse("");
        f[0] = Long.toString(1_000_000_000L + n);
        f[1] = day;
        f[2] = day.substring(0, 6);
        f[3] = day.substring(0, 4);
        f[4] = day.substring(0, 4) + ".0000";
        f[6] = upper(r.getField("actor1"));
        f[16] = upper(r.getField("actor2"));
        f[25] = "1";
        f[26] = cameo[1];
        f[27] = cameo[1];
        f[28] = cameo[0];
        f[29] = "4";
        f[30] = "-10.0";
        f[31] = "1";
        f[32] = "1";
        f[33] = "1";
        f[34] = "-5.0";
        f[51] = "4";
        f[52] = r.getField("location") + ", " + r.getField("country");
        f[53] = fips;
        f[56] = r.getField("latitude");
        f[57] = r.getField("longitude");
        f[59] = ADDED.format(Instant.ofEpochSecond(Long.parseLong(r.getField("timestamp"))));
        f[60] = "https://example.org/acled/" + r.getField("event_id_cnty");
        w.write(String.join("\t", f));
        w.write('\n');
        n++;
      }
    }
    return n;
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT).replace('\t', ' ');
  }
}
