/**
 * The HTTP front door: {@code harmattan serve}. It calls the same services as the command line
 * (never the command line itself) and speaks JSON, CSV with an HXL row and GeoJSON under {@code
 * /api/v1}, with RFC 9457 problem details for every error.
 */
package org.harmattan.server;
