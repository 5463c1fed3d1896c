/**
 * The services every front door calls: opening a store ({@link org.harmattan.service.Stores}),
 * ingesting files, producing a brief. The command line, the server and the scheduler parse their
 * own input and print or serve the result; the work happens here. Must not depend on a front door.
 */
package org.harmattan.service;
