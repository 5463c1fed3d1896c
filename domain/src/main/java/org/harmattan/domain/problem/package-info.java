/**
 * What a mapper says about a source row it could not accept: {@link
 * org.harmattan.domain.problem.Problem} and the {@link org.harmattan.domain.problem.MapResult} a
 * mapper returns instead of throwing; and {@link org.harmattan.domain.problem.ProblemCode}, the one
 * catalogue of the codes that problems and application errors carry. Depends on the JDK only.
 */
package org.harmattan.domain.problem;
