/**
 * Supply corridors: shortest road-graph paths from the capital to the places of a country profile
 * ({@link org.harmattan.analytics.corridors.Corridors}), the events that threaten passage on them
 * ({@link org.harmattan.analytics.corridors.PassageClassifier}) and each segment's status and each
 * corridor's blockade index as figures. Entry point: {@link
 * org.harmattan.analytics.corridors.CorridorReport#compute}. Reads events through the engine port
 * only; the graph ({@link org.harmattan.analytics.corridors.RoadGraph}) is built over the network
 * that {@code reference.roads} reads.
 */
package org.harmattan.analytics.corridors;
