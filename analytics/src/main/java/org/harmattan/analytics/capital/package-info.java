/**
 * The advance on the capital: how close political violence comes to a country's capital, per actor
 * and over time. Entry point: {@link org.harmattan.analytics.capital.CapitalAdvance}; the capital
 * comes from a {@link org.harmattan.reference.profile.CountryProfiles} entry. Works on the engine
 * port's located events; never touches SQL.
 */
package org.harmattan.analytics.capital;
