/**
 * The claim checker: re-computes stated figures (ours or anyone's) and says whether the data
 * supports them. Entry point: {@link org.harmattan.briefs.claims.ClaimChecker}.
 */
package org.harmattan.briefs.claims;
