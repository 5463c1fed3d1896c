package org.harmattan.testsupport.acled;

/** ACLED's export format, for tests that write small files of hand-made events in it. */
public final class AcledCsv {
  private AcledCsv() {}

  /**
   * The header of an ACLED export (the 31 columns of the acledR-style files in ../shared/data),
   * without a line end: the rows a test writes after it must give the same 31 fields.
   */
  public static final String HEADER =
      "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
          + "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
          + "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
          + "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
}
