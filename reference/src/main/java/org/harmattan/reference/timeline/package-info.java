/**
 * The political timeline: {@link org.harmattan.reference.timeline.CaseFiles} reads case files (YAML
 * lists of dated, sourced entries) into a {@link org.harmattan.domain.context.Timeline}, with
 * errors that name the file, line, entry and field. Ships the Mali 2017–2025 case file. Depends on
 * the domain and Jackson; never on the engine or analytics.
 */
package org.harmattan.reference.timeline;
