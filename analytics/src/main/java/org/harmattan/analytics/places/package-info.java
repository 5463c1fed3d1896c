/**
 * Place names: reading GeoNames gazetteer files and OpenStreetMap place lists, and matching raw
 * place names across spellings, accents and alternate names. Entry points: {@link
 * org.harmattan.analytics.places.GeoNamesReader}, {@link
 * org.harmattan.analytics.places.OsmPlaceListReader} and {@link
 * org.harmattan.analytics.places.PlaceMatcher}, which reports ambiguous names rather than guessing.
 * Plain Java over the JDK and the domain's {@code Problem}; no engine, no SQL.
 */
package org.harmattan.analytics.places;
