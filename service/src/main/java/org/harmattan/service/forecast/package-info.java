/** Forecasts for every front door: which panel, which model, the run. */
package org.harmattan.service.forecast;
