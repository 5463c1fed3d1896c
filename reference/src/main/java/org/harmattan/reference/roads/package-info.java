/**
 * Road graphs as read from their files: {@link org.harmattan.reference.roads.RoadNetworkReader}
 * reads the African Urban Network's nodes and edges CSVs into a {@link
 * org.harmattan.reference.roads.RoadNetwork}, naming the file, line and column of every bad row.
 * Paths on the graph are computed in {@code analytics.corridors}. Depends on the domain and
 * FastCSV; never on the engine or analytics.
 */
package org.harmattan.reference.roads;
