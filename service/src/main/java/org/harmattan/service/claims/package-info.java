/**
 * Claim checking as a service: claims in, verdicts with the computed figure and its citation out.
 * Entry point: {@link org.harmattan.service.claims.ClaimService}.
 */
package org.harmattan.service.claims;
