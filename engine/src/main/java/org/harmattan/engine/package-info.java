/**
 * The embedded analytical store and, later, the analytics engine port. Only this module talks to a
 * database. Entry point: {@link org.harmattan.engine.store.DuckDbStore}.
 */
package org.harmattan.engine;
