/**
 * Values computed once and kept while they are used: {@link org.harmattan.domain.cache.LastUsed}.
 */
package org.harmattan.domain.cache;
