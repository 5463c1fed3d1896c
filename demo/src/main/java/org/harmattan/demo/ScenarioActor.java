package org.harmattan.demo;

/**
 * The actors of the scenario's events, with ACLED's actor name and its inter code (1 state forces,
 * 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians).
 * The event templates name them by constant.
 */
enum ScenarioActor {
  JNIM("JNIM: Group for Support of Islam and Muslims", 2),
  ISSP("Islamic State Sahel Province", 2),
  ARMY("Military Forces of Mali (2021-)", 1),
  POLICE("Police Forces of Mali (2021-)", 1),
  DOZO("Dozo Militia", 4),
  FULANI_MILITIA("Fulani Ethnic Militia (Mali)", 4),
  UNIDENTIFIED("Unidentified Armed Group (Mali)", 3),
  RIOTERS("Rioters (Mali)", 5),
  PROTESTERS("Protesters (Mali)", 6),
  CIVILIANS("Civilians (Mali)", 7);

  private final String acledName;
  private final int inter;

  ScenarioActor(String acledName, int inter) {
    this.acledName = acledName;
    this.inter = inter;
  }

  /** The actor as ACLED names it in {@code actor1}/{@code actor2}. */
  String acledName() {
    return acledName;
  }

  /** ACLED's inter code of the actor's type. */
  int inter() {
    return inter;
  }
}
