/**
 * The political context of a crisis: dated, sourced timeline entries ({@link
 * org.harmattan.domain.context.TimelineEntry}) and governments' travel advisories as published
 * ({@link org.harmattan.domain.context.AdvisoryReport}) and on one scale ({@link
 * org.harmattan.domain.context.Advisory}). Records only; depends on the JDK.
 */
package org.harmattan.domain.context;
