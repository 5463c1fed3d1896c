/**
 * Numbers as objects: a {@link org.harmattan.domain.figure.Figure} carries its value, unit, period,
 * filters, the query that computed it and a {@link org.harmattan.domain.figure.Citation} of the
 * records behind it. Every number in a brief is one of these. Depends on the JDK only.
 */
package org.harmattan.domain.figure;
