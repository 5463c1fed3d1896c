/** Who is calling: bearer tokens, dashboard sessions with CSRF tokens, sign-in back-off. */
package org.harmattan.server.auth;
