package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.Ticket;

/**
 * Rating rounds (评价轮次) and what the citizen is sent about ratings. A round (a
 * {@code rating_prompts} row) opens at each close ({@link RatingPromptOnClose} calls {@link #open})
 * and at each re-rating invitation after a 差评 is fixed ({@link #reRate}); a reply by SMS, or the
 * citizen's web page, rates it. The prompt SMS goes only to mainland mobiles that did not opt out
 * (退订); the round is open on the web all the same. The SMS webhook asks {@link #latestFor} which
 * round a reply answers.
 */
public final class RatingPromptService {
  /** Only mainland mobiles can answer an SMS prompt; landlines and withheld numbers get no SMS. */
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  private final RatingPromptRepository repository;
  private final RatingOptOutRepository optOuts;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Duration replyWindow;
  private final Clock clock;

  public RatingPromptService(RatingPromptRepository repository, RatingOptOutRepository optOuts, Outbox outbox,
      MessageTemplates templates, Duration replyWindow, Clock clock) {
    this.repository = repository;
    this.optOuts = optOuts;
    this.outbox = outbox;
    this.templates = templates;
    this.replyWindow = replyWindow;
    this.clock = clock;
  }

  static boolean isMobile(String phone) {
    return phone != null && MOBILE.matcher(phone).matches();
  }

  /**
   * Opens the rating round of a close and queues its SMS in the caller's transaction (unless the
   * phone cannot take one or opted out); returns the prompt id.
   */
  public Future<Long> open(SqlConnection tx, Ticket ticket, String phone) {
    Instant now = clock.instant();
    return smsAllowed(tx, phone).compose(sms -> repository.insert(tx, ticket.id(), phone, now, now.plus(replyWindow),
        "close", sms).compose(id -> !sms ? Future.succeededFuture(id)
            : send(tx, "rating-prompt", "sms/rating-prompt", Map.of("ticketNo", ticket.number()), phone,
                "rating-prompt:" + id, new JsonObject().put("prompt_id", id), ticket.id()).map(id)));
  }

  /**
   * A 差评 was fixed: tells the citizen what was done and opens a new round inviting them to rate
   * again (the invitation is left out for a phone that opted out; the feedback is not, seed
   * article 34 requires it). Returns the new round's prompt id, or null for a ticket without a
   * phone (nobody to tell or to ask).
   */
  public Future<Long> reRate(SqlConnection tx, Ticket ticket, long caseId, String fix) {
    Instant now = clock.instant();
    String phone = ticket.citizenPhone();
    if (phone == null || phone.isBlank()) {
      return Future.succeededFuture(null);
    }
    boolean mobile = isMobile(phone);
    Future<Boolean> optedOut = mobile ? optOuts.isOptedOut(tx, phone) : Future.succeededFuture(true);
    return optedOut.compose(out -> repository.insert(tx, ticket.id(), phone, now, now.plus(replyWindow), "re_rate",
        mobile && !out).compose(id -> {
          if (!mobile) {
            return Future.succeededFuture(id);
          }
          Map<String, Object> vars = new HashMap<>();
          vars.put("ticketNo", ticket.number());
          vars.put("fix", fix);
          vars.put("invite", !out);
          return send(tx, "rating-case-fixed", "sms/rating-case-fixed", vars, phone, "rating-case-fixed:" + caseId,
              new JsonObject().put("prompt_id", id).put("rating_case_id", caseId), ticket.id()).map(id);
        }));
  }

  /** A 差评 found without basis: the explanation goes to the citizen (feedback, not a prompt). */
  public Future<Void> explained(SqlConnection tx, Ticket ticket, long caseId, String explanation) {
    if (!isMobile(ticket.citizenPhone())) {
      return Future.succeededFuture();
    }
    return send(tx, "rating-case-explained", "sms/rating-case-explained",
        Map.of("ticketNo", ticket.number(), "explanation", explanation), ticket.citizenPhone(),
        "rating-case-explained:" + caseId, new JsonObject().put("rating_case_id", caseId), ticket.id());
  }

  /**
   * The phone's latest prompt, locked until the transaction ends so two replies arriving together
   * are decided one after the other (the second sees the first's rating).
   */
  public Future<Optional<RatingPrompt>> latestFor(SqlConnection tx, String phone) {
    return repository.lockLatestFor(tx, phone);
  }

  /**
   * The phone's latest prompt, not locked: for an SMS that cannot rate it (a request), which needs
   * only to know whether the prompt was sent after some other question. Locking it there would
   * take the locks in another order than {@link #latestFor}'s callers and could deadlock.
   */
  public Future<Optional<RatingPrompt>> peekLatestFor(SqlConnection tx, String phone) {
    return repository.peekLatestFor(tx, phone);
  }

  private Future<Boolean> smsAllowed(SqlConnection tx, String phone) {
    return isMobile(phone) ? optOuts.isOptedOut(tx, phone).map(out -> !out) : Future.succeededFuture(false);
  }

  private Future<Void> send(SqlConnection tx, String kind, String template, Map<String, Object> vars, String phone,
      String dedupeKey, JsonObject meta, long ticketId) {
    String text = templates.render(template, vars).text();
    JsonObject v = new JsonObject();
    vars.forEach(v::put);
    return outbox.enqueue(tx, new NewMessage(kind, "sms", phone, null, text, null, dedupeKey, meta.put("vars", v),
        ticketId, true)).mapEmpty();
  }
}
