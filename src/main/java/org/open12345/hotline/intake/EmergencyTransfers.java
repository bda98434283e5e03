package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.PhoneNumbers;

/**
 * Emergencies (110/119/120/122) found in a citizen's SMS, call transcript or web complaint:
 * recorded, the supervisors alerted (robot and mail, as configured) and, for an SMS, the citizen
 * told at once to call the number (a web complaint's answer page tells them itself); all in the
 * caller's transaction. The alert says what happened: the server transfers nobody, a person must
 * call back. Detection is a function so the routing rules'
 * emergency list (with its "unless" words) applies, and a rule reload changes it without a restart.
 */
public final class EmergencyTransfers {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final Function<String, Optional<EmergencyMatch>> detector;
  private final EmergencyTransferRepository repository;
  private final Pool pool;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Supervisors supervisors;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param detector finds an emergency in a text; the server feeds the routing rules' list
   * @param supervisors who gets the alert (their robot and mailboxes, as configured)
   */
  public EmergencyTransfers(Function<String, Optional<EmergencyMatch>> detector,
      EmergencyTransferRepository repository, Pool pool, Outbox outbox, MessageTemplates templates,
      Supervisors supervisors, Clock clock, ZoneId zone) {
    this.detector = detector;
    this.repository = repository;
    this.pool = pool;
    this.outbox = outbox;
    this.templates = templates;
    this.supervisors = supervisors;
    this.clock = clock;
    this.zone = zone;
  }

  public Optional<EmergencyMatch> detect(String text) {
    return detector.apply(text);
  }

  /** A transfer for an inbound SMS; returns the transfer id. */
  public Future<Long> fromSms(SqlConnection tx, long inboundId, String phone, String text, EmergencyMatch m) {
    return record(tx, m, "sms", new Source(null, inboundId, null, null), phone, text, "短信#" + inboundId);
  }

  /**
   * A transfer for a web complaint (still a ticket: the page told the citizen to call); returns the
   * transfer id.
   */
  public Future<Long> fromWeb(SqlConnection tx, long ticketId, String ticketNumber, String phone, String text,
      EmergencyMatch m) {
    return record(tx, m, "web", new Source(null, null, ticketId, ticketNumber), phone, text, ticketNumber);
  }

  /** A transfer for a call (at most one per call); null when the call already has one. */
  public Future<Long> fromCall(SqlConnection tx, long callPk, String callId, String phone, String text,
      EmergencyMatch m) {
    return record(tx, m, "call", new Source(callPk, null, null, null), phone, text, callId);
  }

  /** Newest first; null filters match any. */
  public Future<List<EmergencyTransfer>> list(Instant from, Instant to, String number, String channel, int limit,
      long offset) {
    return repository.list(pool, from, to, number, channel, limit, offset);
  }

  /**
   * A person settles an emergency: {@code TRANSFERRED} (put through to the number) or
   * {@code HANDLED} (called back; nothing to put through). Once only: a second mark is refused,
   * so two dispatchers cannot both think they took it.
   */
  public Future<Void> markHandled(long id, String as, Actor by, String note) {
    if (!EmergencyTransfer.Handled.KINDS.contains(as)) {
      return Future.failedFuture(new InvalidField("as", "is TRANSFERRED or HANDLED"));
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 500) {
      return Future.failedFuture(new InvalidField("note", "is at most 500 characters"));
    }
    return repository.handle(pool, id, as, by.id(), clock.instant(), text).compose(done -> {
      if (done == null) {
        return Future.failedFuture(new NotFound("no emergency transfer " + id));
      }
      if (!done) {
        return Future.failedFuture(new EmergencyHandled(id));
      }
      return Future.succeededFuture();
    });
  }

  private Future<Long> record(SqlConnection tx, EmergencyMatch m, String source, Source from, String phone,
      String text, String reference) {
    Instant now = clock.instant();
    return repository.insert(tx, m, source, from, phone, text, now)
        .compose(id -> {
          if (id == null) {
            return Future.succeededFuture(null);
          }
          Map<String, Object> vars = Map.of(
              "transferTo", m.number(),
              "caller", phone == null ? "未知" : phone,
              "reference", reference,
              "word", m.word(),
              "summary", abbreviate(text),
              "receivedAt", SHOWN.format(now.atZone(zone)));
          String body = templates.render("robot/emergency-" + source, vars).text();
          JsonObject meta = new JsonObject().put("number", m.number()).put("source", source)
              .put("emergency_transfer_id", id);
          List<NewMessage> messages = new ArrayList<>(supervisors.alert("emergency-transfer",
              "【12345紧急情况】" + m.word() + "，应由" + m.number() + "处置", body, "emergency:" + id, meta, null));
          if (source.equals("sms") && PhoneNumbers.isMainlandMobile(phone)) {
            // Not a courtesy SMS: no quiet hours, no hourly cap for telling someone to call 119.
            String advice = templates.render("sms/emergency-advice", Map.of("number", m.number())).text();
            messages.add(new NewMessage("emergency-advice", "sms", phone, null, advice, null,
                "emergency-advice:" + id, meta.copy().put("vars", new JsonObject().put("number", m.number())), null,
                false));
          }
          List<Future<?>> queued = new ArrayList<>();
          messages.forEach(msg -> queued.add(outbox.enqueue(tx, msg)));
          return Future.all(queued).map(id);
        });
  }

  /** What the transfer came from: exactly one of call, inbound SMS and ticket. */
  record Source(Long callPk, Long inboundId, Long ticketId, String ticketNumber) {}

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
