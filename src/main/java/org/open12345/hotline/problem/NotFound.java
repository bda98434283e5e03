package org.open12345.hotline.problem;

/**
 * The thing asked for does not exist, or the caller may not learn that it exists (another
 * department's ticket answers exactly like a missing one).
 */
public class NotFound extends Problem {
  public NotFound(String message) {
    super(Kind.NOT_FOUND, "not_found", message, null);
  }
}
