package org.open12345.hotline.handling;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.escalation.DepartmentContacts;
import org.open12345.hotline.escalation.DepartmentContacts.Contacts;
import org.open12345.hotline.escalation.DepartmentReach;
import org.open12345.hotline.handling.DispatchNoticePlan.Means;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Supervisors;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.notify.template.RenderedMessage;
import org.open12345.hotline.ticket.Ticket;

/**
 * The outbox messages that tell a department a ticket is now its own (承办) or that it assists
 * (协办): by the means {@link DispatchNoticePlan} picks from its contacts. A department nothing
 * reaches (no contact at all, or an id the directory does not know) is never skipped silently:
 * the supervisors get the notice with the reason. Dedupe keys name the ticket, the dispatch
 * instant and the department, so a retried transaction makes no second notice.
 */
final class DispatchNotices {
  /** 承办 (the lead) or 协办 (a co-department). */
  enum Role {
    LEAD("承办"), CO("协办");

    private final String label;

    Role(String label) {
      this.label = label;
    }
  }

  private final MessageTemplates templates;
  private final DepartmentContacts contacts;
  private final Supervisors supervisors;
  private final String publicBaseUrl;

  DispatchNotices(MessageTemplates templates, DepartmentContacts contacts, Supervisors supervisors,
      String publicBaseUrl) {
    this.templates = templates;
    this.contacts = contacts;
    this.supervisors = supervisors;
    this.publicBaseUrl = publicBaseUrl;
  }

  List<NewMessage> of(Ticket t, String departmentId, Role role, Instant at) {
    Optional<Contacts> found = contacts.of(departmentId);
    String name = found.map(Contacts::name).orElse(departmentId);
    Map<String, Object> vars = vars(t, name, role);
    String key = "dispatch:" + t.number() + ":" + at.toEpochMilli() + ":" + departmentId;
    JsonObject meta = new JsonObject().put("department_id", departmentId).put("role", role.name())
        .put("urgency", t.urgency().name());
    List<NewMessage> out = new ArrayList<>();
    Set<Means> means = found.map(c -> DispatchNoticePlan.means(t.urgency(), !c.mail().isEmpty(), c.robots() > 0,
        !c.mobiles().isEmpty())).orElse(Set.of());
    if (means.contains(Means.MAIL)) {
      RenderedMessage m = templates.render("mail/dispatch-notice", vars);
      for (String to : found.get().mail()) {
        out.add(new NewMessage("dispatch-notice", "mail", to, m.subject(), m.text(), m.html(), key + ":mail:" + to,
            meta, t.id(), false));
      }
    }
    String shortText = templates.render("sms/dispatch-notice", vars).text();
    if (means.contains(Means.ROBOT)) {
      out.addAll(DepartmentReach.byRobot(found.get(), "dispatch-notice", shortText, key, meta, t.id()));
    }
    if (means.contains(Means.SMS)) {
      out.addAll(DepartmentReach.bySms(found.get(), "dispatch-notice", shortText, key, meta, t.id()));
    }
    if (out.isEmpty()) {
      String reason = found.isEmpty() ? "部门" + departmentId + "不在部门目录中"
          : name + "未配置邮箱、群机器人或值班手机";
      String text = "【12345派单未送达】工单" + t.number() + "派给" + name + "（" + role.label + "），但" + reason
          + "，请督查人员通知该单位。\n" + vars.get("link");
      out.addAll(supervisors.alert("dispatch-notice", "【12345派单未送达】工单" + t.number(), text, key + ":unreached",
          meta.copy().put("unreached", reason), t.id()));
    }
    return out;
  }

  private Map<String, Object> vars(Ticket t, String departmentName, Role role) {
    Map<String, Object> v = new HashMap<>();
    v.put("ticketNo", t.number());
    v.put("departmentName", departmentName);
    v.put("role", role.label);
    v.put("urgency", t.urgency().label());
    v.put("requestType", t.requestType().label());
    v.put("location", t.locationText() == null ? "未提供" : t.locationText());
    String d = t.description();
    v.put("summary", d.length() > 80 ? d.substring(0, 80) + "…" : d);
    v.put("link", publicBaseUrl + "/tickets/" + t.number());
    return v;
  }
}
