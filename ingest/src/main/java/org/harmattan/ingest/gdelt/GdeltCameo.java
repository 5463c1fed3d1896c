package org.harmattan.ingest.gdelt;

import java.util.Optional;
import org.harmattan.domain.event.EventType;

/**
 * CAMEO event codes to canonical event types: the one place this table lives.
 *
 * <p>Codes as defined in the CAMEO Conflict and Mediation Event Observations Event and Actor
 * Codebook, version 1.1b3 (Schrodt, 2012), which GDELT 1.0 and 2.0 use for {@code EventCode},
 * {@code EventBaseCode} and {@code EventRootCode}. Root codes 01–12 are verbal or material
 * cooperation and verbal conflict with no ACLED counterpart; 13 (threaten), 15 (exhibit force
 * posture), 16 (reduce relations) and 17 (coerce) are what ACLED calls strategic developments; 14
 * (protest), 18 (assault), 19 (fight) and 20 (use unconventional mass violence) are the violent and
 * demonstration codes, split further by sub-code where CAMEO names the means.
 */
final class GdeltCameo {
  private GdeltCameo() {}

  /**
   * The canonical type of a CAMEO event.
   *
   * @param rootCode {@code EventRootCode}, two digits ("14")
   * @param eventCode {@code EventCode}, three or four digits ("145", "1831")
   * @return empty when {@code rootCode} is not a CAMEO root code (01–20)
   */
  static Optional<EventType> findEventType(String rootCode, String eventCode) {
    int root;
    try {
      root = Integer.parseInt(rootCode.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String code = eventCode == null ? "" : eventCode.strip();
    if (root >= 1 && root <= 12) {
      return Optional.of(EventType.OTHER);
    }
    EventType type =
        switch (root) {
          // 145 "protest violently, riot" and its 1451–1454 sub-codes.
          case 14 -> code.startsWith("145") ? EventType.RIOTS : EventType.PROTESTS;
          case 13, 15, 16, 17 -> EventType.STRATEGIC_DEVELOPMENTS;
          // 183 "conduct suicide, car, or other non-military bombing" (1831–1834).
          case 18 ->
              code.startsWith("183")
                  ? EventType.EXPLOSIONS_REMOTE_VIOLENCE
                  : EventType.VIOLENCE_AGAINST_CIVILIANS;
          // 194 "fight with artillery and tanks", 195 "employ aerial weapons" (1951, 1952).
          case 19 ->
              code.startsWith("194") || code.startsWith("195")
                  ? EventType.EXPLOSIONS_REMOTE_VIOLENCE
                  : EventType.BATTLES;
          // 204 "use weapons of mass destruction" (2041 chemical/biological, 2042 nuclear).
          case 20 ->
              code.startsWith("204")
                  ? EventType.EXPLOSIONS_REMOTE_VIOLENCE
                  : EventType.VIOLENCE_AGAINST_CIVILIANS;
          default -> null;
        };
    return Optional.ofNullable(type);
  }
}
