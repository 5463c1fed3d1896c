/**
 * Humanitarian observations: people in need, IDPs, food insecurity, population, as sources state
 * them.
 */
package org.harmattan.domain.humanitarian;
