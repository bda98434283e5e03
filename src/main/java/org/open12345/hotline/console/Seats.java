package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.problem.InvalidField;

/**
 * The extension (分机/坐席号) an operator works at, chosen on the desk: call events of the voice
 * platform naming it pop the caller on that operator's screen. One person per extension; taking
 * one another person held moves it to the new person (the next shift sits down).
 */
final class Seats {
  private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#-]{1,16}");
  private final Pool pool;
  private final SeatRepository seats;
  private final Clock clock;

  Seats(Pool pool, SeatRepository seats, Clock clock) {
    this.pool = pool;
    this.seats = seats;
    this.clock = clock;
  }

  /** The extension as the voice platform names it, or a refusal naming the field. */
  static String extension(String typed) {
    String e = typed == null ? "" : typed.strip();
    if (!EXTENSION.matcher(e).matches()) {
      throw new InvalidField("extension", "is 1 to 16 letters, digits, *, # or -");
    }
    return e;
  }

  Future<Void> take(Actor actor, String extension) {
    String e = extension(extension);
    return pool.withTransaction(tx -> seats.free(tx, e, actor.id())
        .compose(v -> seats.take(tx, actor.id(), e, clock.instant())));
  }

  Future<Void> leave(Actor actor) {
    return seats.leave(pool, actor.id());
  }

  Future<Optional<String>> of(Actor actor) {
    return seats.of(pool, actor.id());
  }
}
