/**
 * The languages a brief is written in and the message bundles its words come from. Entry points:
 * {@link org.harmattan.domain.text.Language}, {@link org.harmattan.domain.text.Texts}.
 */
package org.harmattan.domain.text;
