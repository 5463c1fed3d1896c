/**
 * Country profiles: the capital, boundary sources, road graph format and supply corridors of a
 * country, read from YAML (shipped for Mali, Burkina Faso and Niger; user files add more).
 */
package org.harmattan.analytics.profile;
