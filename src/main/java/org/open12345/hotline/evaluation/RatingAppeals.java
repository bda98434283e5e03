package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketService;

/**
 * 申诉复核: the department a 差评 is about appeals it (reason and evidence) within the window
 * ({@link RatingAppealRules}); a supervisor upholds (the rating leaves every figure: its
 * {@code excluded_at} and reason are kept and shown) or rejects (it stands). One appeal per rating.
 * When every 差评 of an open case is excluded, the case closes.
 */
public final class RatingAppeals {
  private final Pool pool;
  private final RatingRepository ratings;
  private final RatingAppealRepository appeals;
  private final RatingCases cases;
  private final RatingAppealRules rules;
  private final TicketService tickets;
  private final Clock clock;

  /** A decision: the appeal and the rating after it, with its ticket's number. */
  public record Decided(RatingAppeal appeal, StoredRating rating, String ticketNumber) {}

  public RatingAppeals(Pool pool, RatingRepository ratings, RatingAppealRepository appeals, RatingCases cases,
      RatingAppealRules rules, TicketService tickets, Clock clock) {
    this.pool = pool;
    this.ratings = ratings;
    this.appeals = appeals;
    this.cases = cases;
    this.rules = rules;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * The department appeals its 差评.
   *
   * @throws NotFound for an unknown rating or another department's
   * @throws RatingCaseRefused 403 for anybody but the rating's department; 409 for a rating that is
   *     not a counted 差评, already excluded or appealed, or past the window
   */
  public Future<RatingAppeal> appeal(long ratingId, Actor actor, String reason, String evidence) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockVisible(tx, ratingId, actor).compose(r -> {
      if (actor.role() != Role.DEPARTMENT || !actor.department().equals(r.departmentId())) {
        throw RatingCaseRefused.forbidden("only the department the rating is about may appeal it");
      }
      if (r.appeal() != null) {
        throw alreadyAppealed(r.id());
      }
      rules.check(r, now);
      return appeals.insert(tx, r, actor.id(), reason, evidence, now, rules.windowEndsAt(r.createdAt()))
          .compose(inserted -> {
            RatingAppeal a = inserted.orElseThrow(() -> alreadyAppealed(r.id()));
            return TicketEventRepository.append(tx, r.ticketId(), now, actor, "RATING_APPEALED", null, null,
                    new JsonObject().put("rating_id", r.id()).put("appeal_id", a.id()).put("reason", reason)
                        .put("evidence", evidence))
                .map(a);
          });
    }));
  }

  /**
   * A supervisor decides the rating's appeal.
   *
   * @param uphold true: the rating is excluded from every figure with {@code reason}; false: it stands
   */
  public Future<Decided> decide(long ratingId, Actor actor, boolean uphold, String reason) {
    Instant now = clock.instant();
    if (actor.role() != Role.SUPERVISOR) {
      return Future.failedFuture(RatingCaseRefused.forbidden("only a supervisor decides an appeal"));
    }
    return pool.withTransaction(tx -> lockVisible(tx, ratingId, actor).compose(r -> appeals.lockOfRating(tx, ratingId)
        .compose(found -> {
          RatingAppeal a = found.orElseThrow(() -> new NotFound("rating " + ratingId + " has no appeal"));
          if (!a.status().equals("PENDING")) {
            throw RatingCaseRefused.conflict("appeal_decided", "该申诉已复核（the appeal was already decided: "
                + a.status() + "）");
          }
          String status = uphold ? "UPHELD" : "REJECTED";
          Future<RatingAppeal> decided = appeals.decide(tx, a.id(), status, actor.id(), now, reason);
          if (!uphold) {
            return decided.compose(d -> event(tx, r, now, actor, "RATING_APPEAL_REJECTED", d, reason).map(d));
          }
          String excluded = "申诉复核剔除：" + reason;
          return decided.compose(d -> ratings.exclude(tx, r.id(), now, excluded)
              .compose(v -> event(tx, r, now, actor, "RATING_EXCLUDED", d, reason))
              .compose(v -> r.caseId() == null ? Future.succeededFuture()
                  : cases.closeIfNothingStands(tx, r.caseId(), actor, now))
              .map(d));
        })
        .compose(d -> ratings.lock(tx, ratingId).compose(after -> tickets.repository()
            .findByIds(tx, java.util.List.of(r.ticketId()))
            .map(ts -> new Decided(d, after.orElseThrow(), ts.isEmpty() ? null : ts.get(0).number()))))));
  }

  private Future<StoredRating> lockVisible(io.vertx.sqlclient.SqlConnection tx, long ratingId, Actor actor) {
    return ratings.lock(tx, ratingId).map(found -> found
        .filter(r -> r.ticketId() != null && actor.sees(r.departmentId()))
        .orElseThrow(() -> new NotFound("no rating " + ratingId)));
  }

  private static Future<Void> event(io.vertx.sqlclient.SqlConnection tx, StoredRating r, Instant at, Actor actor,
      String action, RatingAppeal a, String reason) {
    return TicketEventRepository.append(tx, r.ticketId(), at, actor, action, null, null,
        new JsonObject().put("rating_id", r.id()).put("appeal_id", a.id()).put("reason", reason));
  }

  private static RatingCaseRefused alreadyAppealed(long ratingId) {
    return RatingCaseRefused.conflict("already_appealed", "该评价已申诉过，每条评价只能申诉一次（rating " + ratingId
        + " was already appealed: one appeal per rating）");
  }
}
