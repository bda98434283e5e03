package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;

/**
 * Records a transfer to 110/119/120/122 and alerts the supervisors' robot channel, in the caller's
 * transaction. Detection is a function so the routing rules' emergency list (with its "unless"
 * words) applies, and a rule reload changes it without a restart.
 */
public final class EmergencyTransfers {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final Function<String, Optional<EmergencyMatch>> detector;
  private final EmergencyTransferRepository repository;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final String robotChannel;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param detector finds an emergency in a text; the server feeds the routing rules' list
   * @param robotChannel {@code wecom} or {@code dingtalk}: where supervisors get the alert
   */
  public EmergencyTransfers(Function<String, Optional<EmergencyMatch>> detector,
      EmergencyTransferRepository repository, Outbox outbox, MessageTemplates templates, String robotChannel,
      Clock clock, ZoneId zone) {
    this.detector = detector;
    this.repository = repository;
    this.outbox = outbox;
    this.templates = templates;
    this.robotChannel = robotChannel;
    this.clock = clock;
    this.zone = zone;
  }

  public Optional<EmergencyMatch> detect(String text) {
    return detector.apply(text);
  }

  /** A transfer for an inbound SMS; returns the transfer id. */
  public Future<Long> fromSms(SqlConnection tx, long inboundId, String phone, String text, EmergencyMatch m) {
    return record(tx, m, "sms", null, inboundId, phone, text, "短信#" + inboundId);
  }

  /** A transfer for a call (at most one per call); null when the call already has one. */
  public Future<Long> fromCall(SqlConnection tx, long callPk, String callId, String phone, String text,
      EmergencyMatch m) {
    return record(tx, m, "call", callPk, null, phone, text, callId);
  }

  private Future<Long> record(SqlConnection tx, EmergencyMatch m, String source, Long callPk, Long inboundId,
      String phone, String text, String reference) {
    Instant now = clock.instant();
    return repository.insert(tx, m, source, callPk, inboundId, phone, text, now)
        .compose(id -> {
          if (id == null) {
            return Future.succeededFuture(null);
          }
          String body = templates.render("robot/emergency-transfer", Map.of(
              "transferTo", m.number(),
              "caller", phone == null ? "未知" : phone,
              "callId", reference,
              "summary", "识别到“" + m.word() + "”：" + abbreviate(text),
              "operator", "系统自动识别",
              "transferredAt", SHOWN.format(now.atZone(zone)))).text();
          return outbox.enqueue(tx, new NewMessage("emergency-transfer", robotChannel, "supervisors", null, body,
                  null, "emergency:" + id, new JsonObject().put("number", m.number()).put("source", source),
                  null, false))
              .map(id);
        });
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
