/**
 * The words of a brief in each language it is written in: {@link
 * org.harmattan.briefs.text.BriefTexts}, over the bundles beside it.
 */
package org.harmattan.briefs.text;
