package org.harmattan.domain.event;

/** The organisation whose coding an event comes from. */
public enum SourceSystem {
  /** Armed Conflict Location &amp; Event Data. Human-coded, revised over time. */
  ACLED,
  /** Uppsala Conflict Data Program, Georeferenced Event Dataset. Human-coded. */
  UCDP,
  /** Global Database of Events, Language and Tone. Machine-coded from news. */
  GDELT;

  /** Whether events of this source are coded by software rather than by people. */
  public boolean machineCoded() {
    return this == GDELT;
  }
}
