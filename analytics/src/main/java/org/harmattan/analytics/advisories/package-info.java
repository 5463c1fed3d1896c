/**
 * Travel advisories on one scale and their changes: {@link
 * org.harmattan.analytics.advisories.AdvisoryLevels} normalises each government's wording to levels
 * 1–4, {@link org.harmattan.analytics.advisories.ChangeDetector} compares two snapshots of the same
 * government, and its {@link org.harmattan.analytics.advisories.AdvisoryChange}s become timeline
 * entries and alert candidates. Works on domain records only; no I/O.
 */
package org.harmattan.analytics.advisories;
