package org.open12345.hotline.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.CallbackBy;
import org.open12345.hotline.evaluation.RatingAppeal;
import org.open12345.hotline.evaluation.RatingCase;
import org.open12345.hotline.evaluation.RatingCaseAction;
import org.open12345.hotline.evaluation.RatingCaseLife;
import org.open12345.hotline.evaluation.RatingCaseStatus;
import org.open12345.hotline.evaluation.RatingService.TicketRatings;
import org.open12345.hotline.evaluation.StoredRating;
import org.open12345.hotline.handling.CoPart;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.ticket.Ticket;

/**
 * The ticket page's ratings, 差评 cases and 协办 parts as the template shows them, with the forms
 * this viewer may use now: the same rules the services apply ({@link RatingCaseLife}), so the page
 * offers nothing the service would refuse for the viewer's role.
 */
final class TicketExtrasModel {
  static final Map<String, String> SOURCES = Map.of("sms", "短信", "keypad", "按键", "web", "网页");
  static final Map<String, String> RATING_STATES = Map.of("counted", "有效", "duplicate", "重复",
      "late", "逾期");
  static final Map<String, String> APPEAL_STATES = Map.of("PENDING", "待复核", "UPHELD", "申诉成立",
      "REJECTED", "申诉驳回");
  private static final Map<String, String> PART_STATES = Map.of("OPEN", "协办中", "ANSWERED", "已反馈",
      "CLOSED", "已结束");
  private final ConsoleTime time;
  private final DepartmentOptions departments;
  private final Clock clock;

  TicketExtrasModel(ConsoleTime time, DepartmentOptions departments, Clock clock) {
    this.time = time;
    this.departments = departments;
    this.clock = clock;
  }

  Map<String, Object> of(Ticket t, TicketRatings ratings, List<CoPart> parts, Viewer viewer) {
    Actor actor = viewer.actor();
    Map<String, Object> v = new HashMap<>();
    List<Map<String, Object>> rs = new ArrayList<>();
    List<Map<String, Object>> cs = new ArrayList<>();
    if (ratings != null) {
      ratings.ratings().forEach(r -> rs.add(rating(r, actor)));
      ratings.cases().forEach(c -> cs.add(ratingCase(c, actor)));
    }
    v.put("ratings", rs);
    v.put("cases", cs);
    List<Map<String, Object>> ps = new ArrayList<>();
    String mine = null;
    for (CoPart p : parts) {
      ps.add(Map.of("department", departments.name(p.departmentId()),
          "status", PART_STATES.getOrDefault(p.status(), p.status()),
          "answer", p.answer() == null ? "" : p.answer(), "at", time.format(p.assignedAt())));
      if (viewer.role() == Role.DEPARTMENT && p.departmentId().equals(actor.department()) && !p.isClosed()) {
        mine = p.status();
      }
    }
    v.put("coParts", ps);
    v.put("coNote", mine != null);
    v.put("coAnswer", "OPEN".equals(mine));
    v.put("canReveal", t.masksContactsFor(actor) && actor.sees(t.departmentId()));
    return v;
  }

  private Map<String, Object> rating(StoredRating r, Actor actor) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("at", time.format(r.createdAt()));
    m.put("level", r.level().label());
    m.put("bad", r.level().isBad());
    m.put("source", SOURCES.getOrDefault(r.source(), r.source()));
    m.put("raw", r.rawText() == null ? "" : r.rawText());
    m.put("status", RATING_STATES.getOrDefault(r.status(), r.status()));
    m.put("excluded", r.excludedAt() != null);
    m.put("excludedReason", r.excludedReason() == null ? "" : r.excludedReason());
    m.put("caseId", r.caseId() == null ? "" : String.valueOf(r.caseId()));
    RatingAppeal a = r.appeal();
    m.put("appealed", a != null);
    if (a != null) {
      m.put("appealStatus", APPEAL_STATES.getOrDefault(a.status(), a.status()));
      m.put("appealReason", a.reason());
      m.put("appealEvidence", a.evidence() == null ? "" : a.evidence());
      m.put("decisionReason", a.decisionReason() == null ? "" : a.decisionReason());
    }
    boolean own = actor.role() == Role.DEPARTMENT && actor.department().equals(r.departmentId());
    m.put("canAppeal", own && r.level().isBad() && "counted".equals(r.status()) && a == null
        && r.excludedAt() == null);
    m.put("canDecide", actor.role() == Role.SUPERVISOR && a != null && "PENDING".equals(a.status()));
    return m;
  }

  private Map<String, Object> ratingCase(RatingCase c, Actor actor) {
    Instant now = clock.instant();
    Map<String, Object> m = new HashMap<>();
    m.put("id", c.id());
    m.put("status", c.status().label());
    m.put("callbackBy", c.callbackBy() == CallbackBy.DEPARTMENT ? "承办单位" : "热线中心");
    m.put("opened", time.format(c.openedAt()));
    m.put("callbackDue", time.format(c.callbackDueAt()));
    m.put("fixDue", time.format(c.fixDueAt()));
    Instant due = switch (c.status()) {
      case CALLBACK_DUE -> c.callbackDueAt();
      case FIX_DUE, EXPLANATION_DUE -> c.fixDueAt();
      default -> null;
    };
    m.put("running", due != null);
    if (due != null) {
      m.put("dueIso", due.toString());
      m.put("countdown", Countdown.text(due, now));
      m.put("overdue", Countdown.overdue(due, now));
    }
    m.put("calledBack", c.calledBackAt() == null ? "" : time.format(c.calledBackAt()) + " "
        + (Boolean.TRUE.equals(c.citizenReached()) ? "已联系上" : "未联系上") + "，"
        + (Boolean.TRUE.equals(c.founded()) ? "诉求属实" : "诉求无依据")
        + (c.citizenAccount() == null ? "" : "：" + c.citizenAccount()));
    m.put("fix", c.fixText() == null ? "" : c.fixText());
    m.put("explanation", c.explanation() == null ? "" : c.explanation());
    m.put("doCallback", c.status() == RatingCaseStatus.CALLBACK_DUE && may(RatingCaseAction.CALLBACK, actor, c));
    m.put("doFix", c.status() == RatingCaseStatus.FIX_DUE && may(RatingCaseAction.FIX, actor, c));
    m.put("doExplain", c.status() == RatingCaseStatus.EXPLANATION_DUE && may(RatingCaseAction.EXPLAIN, actor, c));
    m.put("doClose", (c.status() == RatingCaseStatus.FIXED || c.status() == RatingCaseStatus.EXPLAINED)
        && may(RatingCaseAction.CLOSE, actor, c));
    return m;
  }

  static boolean may(RatingCaseAction action, Actor actor, RatingCase c) {
    try {
      RatingCaseLife.mayAct(action, actor.role(), actor.department(), c.departmentId(), c.callbackBy());
      return true;
    } catch (Problem refused) {
      return false;
    }
  }
}
