/**
 * Renders a {@link org.harmattan.briefs.model.Brief} as HTML, PDF, Markdown, SVG charts, SVG maps
 * ({@link org.harmattan.briefs.render.MapSvg}) and figures.json. Entry point: {@link
 * org.harmattan.briefs.render.BriefWriter}. Every number becomes text in {@link
 * org.harmattan.briefs.render.FigureFormat} and nowhere else. Reads the brief model and domain
 * figures only; must not depend on the engine, analytics or any web type.
 */
package org.harmattan.briefs.render;
