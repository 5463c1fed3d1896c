package org.harmattan.ingest.humanitarian;

import java.util.Optional;
import org.harmattan.ingest.hxl.HxlTable;

/** The humanitarian datasets Harmattan recognises, by HXL tags or, without them, by headers. */
public enum HumanitarianDataset {
  ADMIN_UNITS("hdx-pcodes", "OCHA COD-AB", "HDX global P-code table (admin reference)"),
  IOM_DTM("iom-dtm", "IOM DTM", "IOM DTM baseline assessment (IDPs per commune)"),
  IOM_DTM_SERIES("iom-dtm-series", "IOM DTM", "IOM DTM IDPs per cercle and year"),
  CADRE_HARMONISE("cadre-harmonise", "Cadre Harmonisé", "Cadre Harmonisé phase populations"),
  PEOPLE_IN_NEED("hpc-pin", "OCHA HPC", "people in need per response plan"),
  IDMC("idmc", "IDMC", "IDMC displacement stocks and flows per country-year"),
  POPULATION("cod-ps", "OCHA COD-PS", "population per admin unit");

  private final String id;
  private final String system;
  private final String description;

  HumanitarianDataset(String id, String system, String description) {
    this.id = id;
    this.system = system;
    this.description = description;
  }

  /** The id used in record ids, reports and the store, e.g. {@code iom-dtm}. */
  public String id() {
    return id;
  }

  /** The publishing system, e.g. {@code IOM DTM}. */
  public String system() {
    return system;
  }

  public String description() {
    return description;
  }

  /** The dataset a table holds, or empty when it is none of these. */
  public static Optional<HumanitarianDataset> recognise(HxlTable t) {
    if ((t.hasTag("#adm+code") && t.hasTag("#adm+name") && t.hasTag("#geo+admin_level"))
        || (t.hasHeader("P-Code") && t.hasHeader("Admin Level") && t.hasHeader("Parent P-Code"))) {
      return Optional.of(ADMIN_UNITS);
    }
    if (t.hasTag("#affected+idps+ind+stock") || t.hasHeader("Conflict Stock Displacement")) {
      return Optional.of(IDMC);
    }
    if (t.hasTag("#inneed") || (t.hasHeader("In Need") && t.hasHeader("Plan type"))) {
      return Optional.of(PEOPLE_IN_NEED);
    }
    if (t.hasHeader("phase35") && t.hasHeader("chtype")) {
      return Optional.of(CADRE_HARMONISE);
    }
    if ((t.hasTag("#affected+idps+ind") && t.hasTag("#adm1+name"))
        || (t.hasHeader("Admin 1")
            && t.hasHeader("Total No. of IDPs Ind.", "Total No# of IDPs Ind#"))) {
      return Optional.of(IOM_DTM);
    }
    if (t.hasHeader("projected_idps") && t.hasHeader("adm2_name")) {
      return Optional.of(IOM_DTM_SERIES);
    }
    if (t.hasHeader("Population")
        && t.hasHeader("alpha_3")
        && t.hasHeader("ADM_PCODE", "ADM1_PCODE")) {
      return Optional.of(POPULATION);
    }
    return Optional.empty();
  }

  /** What the recogniser looks for, for the message when nothing matched. */
  public static String expectations() {
    return "the HDX P-code table (#adm+code, #adm+name, #geo+admin_level), an IOM DTM baseline"
        + " (#affected+idps+ind or \"Total No. of IDPs Ind.\"), Cadre Harmonisé (phase35, chtype),"
        + " people in need (#inneed), IDMC (#affected+idps+ind+stock+conflict), a DTM cercle"
        + " series (projected_idps) or population (alpha_3, ADM1_PCODE, Population)";
  }
}
