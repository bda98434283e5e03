package org.open12345.hotline.notify;

/**
 * What a provider's answer means for the outbox: done, try again later, or never.
 * Senders complete their future with one of these and do not fail it; a failed future
 * should be read as {@link Retry} by the relay all the same.
 */
public sealed interface SendOutcome {

  /** Accepted by the provider. {@code providerId} may be null when the provider gives none. */
  record Sent(String providerId, String providerResponse) implements SendOutcome {}

  /** Temporary: timeouts, connection refused, 5xx, throttling. */
  record Retry(String reason) implements SendOutcome {}

  /** Will never succeed as it is: invalid number, rejected template, bad signature/config. */
  record Permanent(String reason) implements SendOutcome {}

  static SendOutcome sent(String providerId, String providerResponse) {
    return new Sent(providerId, providerResponse);
  }

  static SendOutcome retry(String reason) {
    return new Retry(reason);
  }

  static SendOutcome permanent(String reason) {
    return new Permanent(reason);
  }
}
