/**
 * The brief as data, before any rendering: sections of paragraphs, tables and charts whose numbers
 * are references to {@link org.harmattan.domain.figure.Figure}s, never formatted text. Entry point:
 * {@link org.harmattan.briefs.model.Brief}. Renderers read it; nothing here renders.
 */
package org.harmattan.briefs.model;
