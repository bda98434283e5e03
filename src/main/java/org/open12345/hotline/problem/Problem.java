package org.open12345.hotline.problem;

import java.util.Map;

/**
 * A refusal a service decides on (unknown ticket, invalid field, transition not allowed, calendar
 * missing...). Services throw subclasses of this; the HTTP edge ({@code web.ApiErrors}) turns the
 * {@link Kind} into a status and the code, message and details into the one error shape. Domain
 * code therefore never needs to know HTTP, and {@code web} never needs to know a feature.
 */
public abstract class Problem extends RuntimeException {
  /** What kind of refusal: the edge maps each to one HTTP status. */
  public enum Kind {
    /** The request is malformed or a field is invalid (400). */
    INVALID,
    /** Nobody is authenticated (401). */
    UNAUTHENTICATED,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** The thing does not exist, or the caller may not know it exists (404). */
    NOT_FOUND,
    /** The thing exists but its state does not allow this now (409). */
    CONFLICT,
    /** Too many attempts; try later (429). */
    TOO_MANY,
    /**
     * Well-formed, but it contradicts what was stored before under the same name, e.g. an
     * idempotency key sent again with other content (422).
     */
    UNPROCESSABLE
  }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> details;

  /**
   * @param code machine-readable error code, e.g. {@code invalid_field}
   * @param details extra fields for the caller (may be null); values must be JSON-encodable
   */
  protected Problem(Kind kind, String code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.details = details;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /** Null when there is nothing beyond the message. */
  public Map<String, Object> details() {
    return details;
  }
}
