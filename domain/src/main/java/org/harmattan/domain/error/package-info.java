/**
 * The one application exception type, with an error code and a category that callers map to exit
 * codes or HTTP statuses. Entry point: {@link org.harmattan.domain.error.HarmattanException}.
 */
package org.harmattan.domain.error;
