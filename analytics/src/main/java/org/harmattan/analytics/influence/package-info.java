/**
 * Territorial influence and hotspots: per registry actor and H3 cell, time-decayed activity and
 * dominance shares (with their uncertainty), territory-transfer events, ACLED's diffusion measure
 * over an equal-area 10 km grid and Getis-Ord Gi* hot cells. Entry point: {@link
 * org.harmattan.analytics.influence.TerritorialInfluence}. Works on the engine port's located
 * events; never touches SQL, and depends on nothing in {@code briefs} or {@code app}.
 */
package org.harmattan.analytics.influence;
