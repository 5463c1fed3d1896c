/** The resources under {@code /api/v1}, one class per resource, declared in one route table. */
package org.harmattan.server.api;
