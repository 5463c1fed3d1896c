package org.harmattan.analytics.corridors;

/** What kind of threat to passage an event is; see {@link PassageClassifier} for the rules. */
public enum PassageCategory {
  /** A declared or enforced blockade of a road or of supplies (blockade, blocus). */
  BLOCKADE,
  /** An improvised explosive device or mine. */
  IED,
  /** An ambush (ambush, embuscade). */
  AMBUSH,
  /** An attack on a convoy, fuel tanker, truck, bus or other vehicle. */
  ATTACK_ON_VEHICLES,
  /** An illegal checkpoint or roadblock. */
  CHECKPOINT,
  /** Looting on or of the road: goods, vehicles, travellers. */
  LOOTING;

  /** "attack on vehicles", for text. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** The category in the words of {@code texts}: "attack on vehicles", "attaque de véhicules". */
  public String label(org.harmattan.domain.text.Texts texts) {
    return texts.t("corridors.passage." + name().toLowerCase(java.util.Locale.ROOT));
  }
}
