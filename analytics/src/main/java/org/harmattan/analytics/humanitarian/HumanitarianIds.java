package org.harmattan.analytics.humanitarian;

/** The stable figure ids of the humanitarian indicators (also what claims files name). */
public final class HumanitarianIds {
  public static final String PEOPLE_IN_NEED = "humanitarian.people_in_need";
  public static final String PEOPLE_IN_NEED_SHARE = "humanitarian.people_in_need.share";
  public static final String IDPS = "humanitarian.idps";
  public static final String IDPS_PREVIOUS = "humanitarian.idps.previous";
  public static final String IDPS_CHANGE = "humanitarian.idps.change";
  public static final String IDPS_CHANGE_PERCENT = "humanitarian.idps.change.percent";
  public static final String IDMC_IDPS_STOCK = "humanitarian.idmc.idps_stock";

  /** IDMC's stock against the DTM count, in percent of the DTM count. */
  public static final String IDMC_VS_DTM = "humanitarian.idps.idmc_vs_dtm";

  public static final String FOOD_PHASE3PLUS = "humanitarian.food_insecure.phase3plus";
  public static final String FOOD_PHASE3PLUS_PROJECTED =
      "humanitarian.food_insecure.phase3plus.projected";
  public static final String POPULATION = "humanitarian.population";

  /** The population of the regions that have a figure, when some region has none. */
  public static final String POPULATION_COVERED = "humanitarian.population.covered";

  private HumanitarianIds() {}

  /** IDPs of one region: {@code humanitarian.idps.admin1.ML05}. */
  public static String idpsAdmin1(String pcode) {
    return "humanitarian.idps.admin1." + part(pcode);
  }

  /** The change in IDPs of one region since the previous DTM round. */
  public static String idpsAdmin1Change(String pcode) {
    return idpsAdmin1(pcode) + ".change";
  }

  /** IDPs of one cercle or district: {@code humanitarian.idps.admin2.ML0501}. */
  public static String idpsAdmin2(String pcode) {
    return "humanitarian.idps.admin2." + part(pcode);
  }

  /** A P-code as an id part: letters and digits kept as written, anything else dropped. */
  private static String part(String pcode) {
    String s = pcode == null ? "" : pcode.replaceAll("[^A-Za-z0-9]", "");
    return s.isEmpty() ? "unknown" : s;
  }
}
