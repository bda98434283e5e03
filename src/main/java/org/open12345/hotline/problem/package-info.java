/**
 * The shared vocabulary of refusals: {@link org.open12345.hotline.problem.Problem} and its
 * generic subclasses. Imports no feature and no Vert.x; every feature may throw these.
 */
package org.open12345.hotline.problem;
