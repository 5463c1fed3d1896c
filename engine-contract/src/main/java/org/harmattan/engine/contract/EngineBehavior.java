package org.harmattan.engine.contract;

/**
 * What an engine may leave out. An engine that does not support one declares it ({@link
 * EngineContractTest#supports}); the suite then checks that the operation fails with {@code
 * Unsupported}'s error instead of giving a wrong answer. Everything not listed here every engine
 * must do.
 */
public enum EngineBehavior {
  /** Event filters with a distance circle ({@code EventFilter.near}). */
  SUPPORTS_DISTANCE_FILTER,
  /** Event points with their free-text notes ({@code listEventPoints(filter, true)}). */
  SUPPORTS_EVENT_NOTES,
  /** Humanitarian observations and the admin reference: their write port and their read port. */
  SUPPORTS_HUMANITARIAN,
  /**
   * A store closed and opened again on the same folder holds what was written. An engine without it
   * (one that keeps its data in memory) opens an empty store again.
   */
  SUPPORTS_PERSISTENCE
}
