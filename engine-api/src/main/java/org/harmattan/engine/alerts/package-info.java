/** The alert log port: alerts raised, their deliveries, and how far each rule was evaluated. */
package org.harmattan.engine.alerts;
