/**
 * Store status and quarantine as every front door shows them. Entry point: {@link
 * org.harmattan.service.store.StoreViews}.
 */
package org.harmattan.service.store;
