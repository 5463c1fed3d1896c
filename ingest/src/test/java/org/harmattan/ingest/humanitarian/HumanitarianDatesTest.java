package org.harmattan.ingest.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.write.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Humanitarian dates are read from 1900 to 2100: a year 0 or 9999 is no date a table means, and a
 * store cannot keep it as written (a P-code table's year-0 valid-from date came back as another
 * day, so every ingest of the table counted the unit as new).
 */
class HumanitarianDatesTest {
  @TempDir Path dir;

  @Test
  void aDateOutsideTheYearsAcceptedIsQuarantinedWithWhatWasExpected() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("pcodes.csv"),
            "Location,Admin Level,P-Code,Name,Parent P-Code,Valid from date\n"
                + "#country+code,#geo+admin_level,#adm+code,#adm+name,#adm+code+parent,#date+start\n"
                + "MLI,1,ML05,Mopti,MLI,2021-12-20\n"
                + "MLI,2,ML0501,Bandiagara,ML05,0000-01-01\n"
                + "MLI,2,ML0502,Bankass,ML05,9999-12-31\n"
                + "MLI,2,ML0503,Djenné,ML05,1900-01-01\n",
            StandardCharsets.UTF_8);

    Collected c = Collected.read(file);

    assertThat(c.units)
        .extracting(AdminUnit::pcode, AdminUnit::validFrom)
        .containsExactly(
            tuple("ML05", LocalDate.of(2021, 12, 20)), tuple("ML0503", LocalDate.of(1900, 1, 1)));
    assertThat(c.rejected).extracting(RejectedRow::lineNumber).containsExactly(4L, 5L);
    Problem p = c.rejected.get(0).problems().get(0);
    assertThat(p.code()).isEqualTo("bad_date");
    assertThat(p.message())
        .isEqualTo(
            "\"0000-01-01\" is not a date (expected a date from 1900 to 2100, as yyyy-mm-dd,"
                + " yyyy/mm/dd, dd-mm-yyyy or dd/mm/yyyy)");
  }

  @Test
  void anObservationDatedYearZeroIsQuarantined() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dtm.csv"),
            "Snapshot Date,Admin 0 pcode,Admin 1,Admin 1 pcode,Total No# of IDPs Ind#\n"
                + "#date+occurred,#country+code,#adm1+name,#adm1+code,#affected+idps+ind\n"
                + "2021-09-30,MLI,Mopti,MLI05,4214\n"
                + "0000-09-30,MLI,Gao,MLI07,12\n",
            StandardCharsets.UTF_8);

    Collected c = Collected.read(file);

    assertThat(c.observations).extracting(o -> o.value()).containsExactly(4214.0);
    assertThat(c.rejected).singleElement().satisfies(r -> assertThat(r.lineNumber()).isEqualTo(4));
    assertThat(c.rejected.get(0).problems().get(0).message())
        .startsWith("\"0000-09-30\" in ")
        .endsWith(
            "is not a date (expected a date from 1900 to 2100, as yyyy-mm-dd, yyyy/mm/dd,"
                + " dd-mm-yyyy or dd/mm/yyyy)");
  }
}
