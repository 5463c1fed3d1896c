/** Alert rules evaluated on a store, for every front door. */
package org.harmattan.service.alerts;
