/**
 * What a mapper says about a source row it could not accept: {@link
 * org.harmattan.domain.problem.Problem} and the {@link org.harmattan.domain.problem.MapResult} a
 * mapper returns instead of throwing. Depends on the JDK only.
 */
package org.harmattan.domain.problem;
