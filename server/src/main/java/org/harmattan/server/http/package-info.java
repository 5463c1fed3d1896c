/** HTTP plumbing: problem details, parameters, formats, security headers. */
package org.harmattan.server.http;
