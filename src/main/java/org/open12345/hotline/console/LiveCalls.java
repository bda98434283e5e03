package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.intake.voice.CallDirection;
import org.open12345.hotline.intake.voice.CallEvent;
import org.open12345.hotline.intake.voice.CallEventListener;
import org.open12345.hotline.intake.voice.CallEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen's call ringing at (or answered by) an extension: told to every server instance at
 * commit, where the screen of the operator seated at that extension pops the caller's history.
 */
final class LiveCalls implements CallEventListener {
  private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);
  /** PostgreSQL's NOTIFY payload must be shorter than 8,000 bytes. */
  static final int NOTIFY_MAX_BYTES = 8000;
  private static final Set<CallEventType> POPS = EnumSet.of(CallEventType.NEW_CALL, CallEventType.ANSWER);
  private final LiveRepository repository;

  LiveCalls(LiveRepository repository) {
    this.repository = repository;
  }

  @Override
  public Future<Void> afterEvent(SqlConnection tx, CallEvent e) {
    if (!POPS.contains(e.event()) || e.direction() == CallDirection.OUT || e.from() == null) {
      return Future.succeededFuture();
    }
    JsonArray at = new JsonArray();
    if (e.agent() != null) {
      // Zammad's user[] list comes joined by ", " (GenericCtiFormat): each is an extension or agent.
      Arrays.stream(e.agent().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(at::add);
    }
    if (e.to() != null) {
      at.add(e.to()); // PBXs that post per extension name it as the called number
    }
    String payload = new JsonObject().put("provider", e.provider()).put("call_id", e.callId())
        .put("from", e.from()).put("at", at).encode();
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= NOTIFY_MAX_BYTES) {
      // PostgreSQL refuses the NOTIFY and would roll the call's record back with it (a 500 the
      // CTI retries forever); ids this long come from no real PBX, so the pop is skipped instead.
      log.warn("call {} not popped: its event ({} bytes) exceeds NOTIFY's limit", e.provider(), bytes);
      return Future.succeededFuture();
    }
    return repository.notifyCall(tx, payload);
  }

  /** True when the call rings at (or was answered by) {@code extension}. */
  static boolean ringsAt(JsonObject call, String extension) {
    return extension != null && call.getJsonArray("at").stream().anyMatch(a -> extension.equalsIgnoreCase(
        String.valueOf(a)));
  }
}
