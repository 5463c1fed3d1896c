/**
 * The Harmattan domain: records that every other module speaks. Entry points: {@link
 * org.harmattan.domain.event.Event}, {@link org.harmattan.domain.problem.Problem}. Depends on the
 * JDK only; never on ingest, engine, web or database types.
 */
package org.harmattan.domain;
