/**
 * The {@code harmattan} command line: parses options, wires ingest to the store and prints reports
 * as text or JSON. Entry point: {@link org.harmattan.app.Main}. Holds no analysis logic of its own.
 */
package org.harmattan.app;
