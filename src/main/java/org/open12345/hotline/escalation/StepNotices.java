package org.open12345.hotline.escalation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.notify.template.RenderedMessage;

/**
 * The outbox messages of a fired step: one mail per address of its audience, and a robot alert
 * to the supervisors' group from 督办 on. Dedupe keys derive from the step key, so a message can
 * exist once whatever happens to the step.
 */
public final class StepNotices {

  /**
   * @param robotChannel outbox channel of the supervisors' robot ("wecom", "dingtalk"); empty = none
   * @param robotName the robot's name in that channel's config
   * @param supervisorsMail the centre's supervisors' mailboxes
   */
  public record Settings(String publicBaseUrl, String robotChannel, String robotName, List<String> supervisorsMail,
      ZoneId zone) {}

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
    for (Audience a : s.audience()) {
      switch (a) {
        case DEPARTMENT -> dept.ifPresent(c -> mail.addAll(c.mail()));
        case ESCALATION_CONTACTS -> dept.ifPresent(c -> mail.addAll(c.escalationContacts(Math.max(1, s.level()))));
        case PARENT_DEPARTMENT -> dept.map(Contacts::parent).flatMap(contacts::of).ifPresent(p -> mail.addAll(p.mail()));
        case SUPERVISORS -> mail.addAll(settings.supervisorsMail());
      }
    }
    Map<String, Object> vars = vars(s, addressee);
    JsonObject meta = new JsonObject().put("step_key", s.key()).put("step", s.stepKind().name())
        .put("deadline", s.deadlineKind().name()).put("level", s.level()).put("circulate", s.circulate());
    List<NewMessage> out = new java.util.ArrayList<>();
    if (s.channels().contains(NoticeChannel.MAIL)) {
      RenderedMessage m = templates.render(mailTemplate(s.stepKind()), vars);
      for (String to : mail) {
        out.add(new NewMessage("escalation-" + s.stepKind().name().toLowerCase(), "mail", to, m.subject(),
            m.text(), m.html(), "step:" + s.key() + ":mail:" + to, meta, s.ticketId(), false));
      }
    }
    if (s.channels().contains(NoticeChannel.ROBOT) && s.level() >= 1 && !settings.robotChannel().isEmpty()) {
      Map<String, Object> alert = Map.of(
          "headline", s.stepKind().label() + "：工单" + s.ticketNumber() + "「" + stage(s.deadlineKind()) + "」已超期"
              + Durations.chinese(s.lateBy()),
          "detail", deptName + "，时限" + vars.get("deadline") + (s.circulate() ? "，拟予通报" : ""),
          "link", vars.get("link"));
      RenderedMessage m = templates.render("robot/alert", alert);
      out.add(new NewMessage("escalation-" + s.stepKind().name().toLowerCase(), settings.robotChannel(),
          settings.robotName(), null, m.text(), null, "step:" + s.key() + ":robot", meta, s.ticketId(), false));
    }
    return out;
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
