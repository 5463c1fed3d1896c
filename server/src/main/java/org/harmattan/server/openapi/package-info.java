/** The OpenAPI 3.1 document, generated from the route table and the shared schemas. */
package org.harmattan.server.openapi;
