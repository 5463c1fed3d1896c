package org.harmattan.ingest.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {
  private final Countries countries = Countries.get();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mali|MLI",
        "Myanmar (Burma)|MMR",
        "DR Congo (Zaire)|COD",
        "Yemen (North Yemen)|YEM",
        "Cambodia (Kampuchea)|KHM",
        "Russia (Soviet Union)|RUS",
        "Serbia (Yugoslavia)|SRB",
        "Zimbabwe (Rhodesia)|ZWE",
        "Madagascar (Malagasy)|MDG",
        "Burkina Faso (Upper Volta)|BFA",
        "Vietnam (North Vietnam)|VNM",
        "Bosnia-Herzegovina|BIH",
        "Ivory Coast|CIV",
        "Kingdom of eSwatini (Swaziland)|SWZ",
        "Macedonia, FYR|MKD",
        "Turkey|TUR",
        "Laos|LAO",
        "South Korea|KOR",
        "North Korea|PRK",
        "Taiwan|TWN",
        "Palestine|PSE",
        "East Timor|TLS",
        "Côte d'Ivoire|CIV",
        "Niger|NER",
        "Nigeria|NGA",
        "Guinea|GIN",
        "Equatorial Guinea|GNQ"
      })
  void resolvesUcdpAndCommonCountryNames(String name, String iso3) {
    assertThat(countries.findIso3ByName(name)).contains(iso3);
  }

  @ParameterizedTest(name = "FIPS {0} -> {1}")
  @CsvSource({
    "ML, MLI", "UV, BFA", "NG, NER", "NI, NGA", "GV, GIN", "EK, GNQ", "BK, BIH", "KS, KOR",
    "KN, PRK", "VM, VNM", "LA, LAO", "BX, BRN", "LO, SVK", "WZ, SWZ", "MK, MKD", "TT, TLS",
    "TU, TUR", "WE, PSE", "GZ, PSE", "TW, TWN", "RS, RUS", "RI, SRB", "UK, GBR", "SU, SDN",
    "OD, SSD", "CD, TCD", "CT, CAF", "MR, MRT", "AG, DZA", "LY, LBY"
  })
  void resolvesGdeltFipsCodes(String fips, String iso3) {
    assertThat(countries.findIso3ByFips(fips)).contains(iso3);
  }

  @Test
  void unknownNamesAndCodesAreEmpty() {
    assertThat(countries.findIso3ByName("Atlantis")).isEmpty();
    assertThat(countries.findIso3ByName(null)).isEmpty();
    assertThat(countries.findIso3ByFips("OS")).as("GDELT's Oceans").isEmpty();
  }

  @Test
  void theNumericCodeIsTheOneTheNumericLookUpResolves() {
    // ACLED's iso column: the query filter sends it, the mapper reads it back.
    assertThat(countries.findNumeric("MLI")).contains(466);
    assertThat(countries.findNumeric("civ")).contains(384);
    assertThat(countries.findNumeric("XKX")).as("Kosovo has no ISO numeric code").isEmpty();
    assertThat(countries.findNumeric("BFA").flatMap(countries::findIso3ByNumeric)).contains("BFA");
  }

  @Test
  void whatAUserTypesIsACodeInAnyCaseOrAName() {
    assertThat(Countries.get().findIso3("mli")).hasValue("MLI");
    assertThat(Countries.get().findIso3(" BFA ")).hasValue("BFA");
    assertThat(Countries.get().findIso3("Burkina Faso")).hasValue("BFA");
    assertThat(Countries.get().findIso3("XYZ")).isEmpty();
    assertThat(Countries.get().findIso3(null)).isEmpty();
  }

  @Test
  void everyRowOfTheTableIsWellFormedAndNoFipsCodeIsUsedTwice() throws IOException {
    List<String> fipsCodes = new ArrayList<>();
    try (var in = Countries.class.getResourceAsStream("countries.tsv")) {
      assertThat(in).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n", -1)) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("iso3\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        assertThat(f).as(line).hasSize(5);
        assertThat(f[0]).matches("[A-Z]{3}");
        assertThat(countries.isIso3(f[0])).isTrue();
        for (String code : f[3].split("\\|", -1)) {
          if (!code.isEmpty()) {
            fipsCodes.add(code);
          }
        }
      }
    }
    assertThat(fipsCodes).doesNotHaveDuplicates();
  }

  @Test
  void everyFipsCodeOfARealGdeltSampleResolves() throws IOException {
    Path path = SharedData.require("gdelt/gdelt1_events_sample_710rows__reed9999.tsv");
    List<String> unresolved = new ArrayList<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      for (int column : new int[] {37, 44, 51}) {
        String code = f[column];
        if (!code.isBlank() && countries.findIso3ByFips(code).isEmpty()) {
          unresolved.add(code);
        }
      }
    }
    assertThat(unresolved).isEmpty();
  }
}
