package org.open12345.hotline.escalation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.Durations;
import org.open12345.hotline.escalation.DepartmentContacts.Contacts;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.notify.template.RenderedMessage;

/**
 * The outbox messages of a fired step: one mail per address of its audience, and a robot alert
 * to the supervisors' group from 督办 on. Dedupe keys derive from the step key, so a message can
 * exist once whatever happens to the step.
 */
public final class StepNotices {

  /**
   * @param supervisors the centre's supervisors as the outbox can reach them (their robot only
   *     when configured)
   */
  public record Settings(String publicBaseUrl, Supervisors supervisors, ZoneId zone) {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageTemplates templates;
  private final DepartmentContacts contacts;
  private final Settings settings;

  public StepNotices(MessageTemplates templates, DepartmentContacts contacts, Settings settings) {
    this.templates = templates;
    this.contacts = contacts;
    this.settings = settings;
  }

  public List<NewMessage> of(FiredStep s) {
    Optional<Contacts> dept = contacts.of(s.departmentId());
    // No department: a step of the centre's own (a 差评 callback the centre makes).
    String deptName = dept.map(Contacts::name).orElse(s.departmentId() == null
        ? (s.deadlineKind() == DeadlineKind.CALLBACK ? "12345热线回访组" : "承办单位") : s.departmentId());
    // A ruling step is the centre's own deadline: its notices are addressed to the dispatchers.
    String addressee = s.deadlineKind().isDepartments() ? deptName : "派单员";
    Set<String> mail = new LinkedHashSet<>();
    boolean departmentAudience = false;
    for (Audience a : s.audience()) {
      switch (a) {
        case DEPARTMENT -> {
          departmentAudience = true;
          dept.ifPresent(c -> mail.addAll(c.mail()));
        }
        case ESCALATION_CONTACTS -> dept.ifPresent(c -> mail.addAll(c.escalationContacts(Math.max(1, s.level()))));
        case PARENT_DEPARTMENT -> dept.map(Contacts::parent).flatMap(contacts::of).ifPresent(p -> mail.addAll(p.mail()));
        case SUPERVISORS -> mail.addAll(settings.supervisors().mail());
      }
    }
    Map<String, Object> vars = vars(s, addressee);
    JsonObject meta = new JsonObject().put("step_key", s.key()).put("step", s.stepKind().name())
        .put("deadline", s.deadlineKind().name()).put("level", s.level()).put("circulate", s.circulate());
    String kind = "escalation-" + s.stepKind().name().toLowerCase();
    List<NewMessage> out = new ArrayList<>();
    boolean byMail = s.channels().contains(NoticeChannel.MAIL);
    if (byMail) {
      RenderedMessage m = templates.render(mailTemplate(s.stepKind()), vars);
      for (String to : mail) {
        out.add(new NewMessage(kind, "mail", to, m.subject(), m.text(), m.html(), "step:" + s.key() + ":mail:" + to,
            meta, s.ticketId(), false));
      }
      // A department without a mailbox is told through its own robots and duty mobiles instead.
      if (departmentAudience && dept.isPresent() && dept.get().mail().isEmpty()) {
        out.addAll(DepartmentReach.byRobotAndSms(dept.get(), kind, headline(s) + "\n" + vars.get("link"),
            "step:" + s.key(), meta, s.ticketId()));
      }
    }
    if (byMail && !reachesItsAudience(s, out)) {
      // Never silent: the supervisors are told the step fired and why nobody else was.
      String reason = dept.isEmpty() ? "承办单位" + (s.departmentId() == null ? "" : s.departmentId()) + "不在部门目录中"
          : "承办单位" + deptName + "未配置邮箱、群机器人或值班手机";
      Map<String, Object> alert = Map.of("headline", headline(s),
          "detail", reason + "，本提醒无法送达，请督查人员跟进", "link", vars.get("link"));
      String text = templates.render("robot/alert", alert).text();
      out.addAll(settings.supervisors().alert(kind, "【12345】" + headline(s), text, "step:" + s.key() + ":unreached",
          meta.copy().put("unreached", reason), s.ticketId()));
    }
    if (s.channels().contains(NoticeChannel.ROBOT) && s.level() >= 1) {
      Map<String, Object> alert = Map.of(
          "headline", headline(s),
          "detail", deptName + "，时限" + vars.get("deadline") + (s.circulate() ? "，拟予通报" : ""),
          "link", vars.get("link"));
      RenderedMessage m = templates.render("robot/alert", alert);
      out.addAll(settings.supervisors().robotOnly(kind, m.text(), "step:" + s.key() + ":robot", meta, s.ticketId()));
    }
    return out;
  }

  private static String headline(FiredStep s) {
    return s.stepKind().label() + "：工单" + s.ticketNumber() + "「" + stage(s.deadlineKind()) + "」"
        + (s.lateBy().isNegative() ? "剩余" + Durations.chinese(s.lateBy().negated())
            : "已超期" + Durations.chinese(s.lateBy()));
  }

  /** Whether some message goes to the step's own audience besides the supervisors' robot. */
  private boolean reachesItsAudience(FiredStep s, List<NewMessage> out) {
    boolean onlySupervisors = s.audience().equals(Set.of(Audience.SUPERVISORS));
    return onlySupervisors || out.stream().anyMatch(m -> !settings.supervisors().mail().contains(m.recipient()));
  }

  private Map<String, Object> vars(FiredStep s, String deptName) {
    Map<String, Object> v = new HashMap<>();
    v.put("ticketNo", s.ticketNumber());
    v.put("departmentName", deptName);
    String d = s.description() == null ? "" : s.description();
    v.put("summary", d.length() > 80 ? d.substring(0, 80) + "…" : d);
    v.put("stage", stage(s.deadlineKind()));
    v.put("deadline", format(s.deadlineDueAt()));
    v.put("remaining", Durations.chinese(s.lateBy()));
    v.put("overdueBy", Durations.chinese(s.lateBy()));
    // 督办 fires at the deadline itself, so that is when the ticket was supervised.
    v.put("supervisedAt", format(s.deadlineDueAt()));
    v.put("link", settings.publicBaseUrl() + "/tickets/" + s.ticketNumber());
    return v;
  }

  /** What is late, in the words the templates expect. */
  public static String stage(DeadlineKind k) {
    return switch (k) {
      case SIGN -> "签收";
      case RESPOND -> "联系诉求人";
      case RESOLVE -> "办理答复";
      case RULING -> "退单审核";
      case CALLBACK -> "差评回访核实";
      case FIX -> "差评整改或解释说明";
    };
  }

  private String format(Instant t) {
    var local = t.atZone(settings.zone());
    // A deadline at the end of a day reads 24:00, as the rules state it.
    if (local.toLocalTime().equals(DeadlineCalculator.MIDNIGHT_END)) {
      return local.toLocalDate() + " 24:00";
    }
    return TIME.format(local);
  }

  private static String mailTemplate(StepKind k) {
    return switch (k) {
      case REMIND -> "mail/reminder";
      case SUPERVISE -> "mail/supervision";
      case ESCALATE -> "mail/circular";
    };
  }
}
