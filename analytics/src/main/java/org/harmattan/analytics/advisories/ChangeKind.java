package org.harmattan.analytics.advisories;

/** How an advisory changed between two snapshots of the same government. */
public enum ChangeKind {
  LEVEL_RAISED("level raised"),
  LEVEL_LOWERED("level lowered"),
  LEAVE_NOW_ADDED("call to leave added"),
  LEAVE_NOW_REMOVED("call to leave withdrawn"),
  REGION_ADDED("area added"),
  REGION_REMOVED("area removed"),
  REGION_LEVEL_CHANGED("area's level changed");

  private final String words;

  ChangeKind(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}
