/**
 * Briefs as a service: options in, the brief computed over the engine ports and written out. Entry
 * point: {@link org.harmattan.service.brief.BriefService}; {@link
 * org.harmattan.service.brief.Scopes} resolves what a user names into a scope.
 */
package org.harmattan.service.brief;
