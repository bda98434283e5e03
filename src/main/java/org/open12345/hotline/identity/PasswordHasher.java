package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (spring-security-crypto over Bouncy Castle) with OWASP's first
 * recommended setting: 19 MiB of memory, 2 passes, 1 lane, 16-byte salt, 32-byte hash. Each hash
 * takes tens of milliseconds and that memory, so hashing runs on a small worker pool of its own:
 * never on an event loop, and a flood of logins cannot take more than {@value #WORKERS} hashes'
 * memory at once.
 */
final class PasswordHasher implements AutoCloseable {
  static final int WORKERS = 4;
  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  private final WorkerExecutor workers;
  private volatile String dummy;

  PasswordHasher(Vertx vertx) {
    this.workers = vertx.createSharedWorkerExecutor("hotline-password-hashing", WORKERS);
  }

  Future<String> hash(String password) {
    return workers.executeBlocking(() -> encoder.encode(password), false);
  }

  /**
   * Checks {@code password} against {@code hash}; with no hash (unknown account) it checks
   * against a throw-away hash, so an unknown name costs the same time as a wrong password.
   */
  Future<Boolean> verify(String password, String hash) {
    return workers.executeBlocking(() -> {
      boolean ok = encoder.matches(password == null ? "" : password, hash == null ? dummy() : hash);
      return ok && hash != null;
    }, false);
  }

  private String dummy() {
    String d = dummy;
    if (d == null) {
      d = encoder.encode(Secrets.newOneTimePassword());
      dummy = d;
    }
    return d;
  }

  @Override
  public void close() {
    workers.close();
  }
}
