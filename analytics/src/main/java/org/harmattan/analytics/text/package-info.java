/**
 * The words of the figures' labels and notes in each language: {@link
 * org.harmattan.analytics.text.AnalyticsTexts}, over the bundles beside it.
 */
package org.harmattan.analytics.text;
