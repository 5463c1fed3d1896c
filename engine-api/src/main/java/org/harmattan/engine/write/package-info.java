/**
 * The write port: what ingest hands an engine for each data row (an event with its line range, or a
 * rejected row for quarantine).
 */
package org.harmattan.engine.write;
