/**
 * Watching: jobs (a drop folder, alert rules, live syncs) run on a schedule from a configuration
 * file, one at a time, each failure retried and written to a journal. Entry point: {@link
 * org.harmattan.service.watch.Watcher}, built from {@link org.harmattan.service.watch.WatchConfig}.
 * Front doors (the command line, the server) call it; it reaches the store only through {@link
 * org.harmattan.service.StoreWork}, so that a server can run it beside its own requests.
 */
package org.harmattan.service.watch;
