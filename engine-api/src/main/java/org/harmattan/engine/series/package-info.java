/**
 * Monthly series as their publishers state them (the VIEWS country-month fatalities, for one): the
 * points a series file gives, how an engine stores them and how forecasting reads them back.
 */
package org.harmattan.engine.series;
