/**
 * The canonical conflict event that every source format maps into: {@link
 * org.harmattan.domain.event.Event}, its actors, fatalities and provenance. Depends on the JDK
 * only.
 */
package org.harmattan.domain.event;
