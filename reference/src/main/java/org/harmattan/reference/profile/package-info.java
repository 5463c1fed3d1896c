/**
 * Country profiles: the capital, boundary sources, road graph format and supply corridors of a
 * country, read from YAML (shipped for Mali, Burkina Faso and Niger; user files add more). Entry
 * point: {@link org.harmattan.reference.profile.CountryProfiles}. Depends on the domain and
 * Jackson; never on the engine or analytics.
 */
package org.harmattan.reference.profile;
