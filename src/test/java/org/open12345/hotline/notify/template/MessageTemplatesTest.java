package org.open12345.hotline.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {

  private final MessageTemplates templates = MessageTemplates.defaults();

  private static Map<String, Object> overdueVars() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("ticketNo", "GD20260301001");
    vars.put("departmentName", "市水务局");
    vars.put("summary", "幸福路<3号>供水管爆裂 & 停水");
    vars.put("stage", "办理答复");
    vars.put("deadline", "2026-03-01 17:30");
    vars.put("remaining", "2小时");
    vars.put("overdueBy", "1天3小时");
    vars.put("supervisedAt", "2026-03-02 09:00");
    vars.put("link", "https://12345.example.gov.cn/tickets/GD20260301001");
    return vars;
  }

  /** The standard text, with the opt-out hint carriers require of bulk SMS (issue 11). */
  @Test
  void ratingPromptIsTheStandardText() {
    RenderedMessage sms = templates.render("sms/rating-prompt", Map.of("ticketNo", "GD20260301001"));
    assertEquals("【12345】您反映的问题（工单号 GD20260301001）已办理，请回复数字评价："
        + "1非常满意 2满意 3基本满意 4不满意 5非常不满意。回复TD退订评价短信。", sms.text());
    assertNull(sms.subject());
    assertNull(sms.html());
  }

  @Test
  void acknowledgementCarriesTheTicketNumberAndQueryCode() {
    String text = templates.render("sms/ticket-ack", Map.of("ticketNo", "GD42", "queryCode", "K7M2QX")).text();
    assertTrue(text.contains("工单号：GD42"), text);
    assertTrue(text.contains("查询码：K7M2QX"), text);
  }

  @Test
  void supervisionMailHasSubjectTextAndEscapedHtml() {
    RenderedMessage mail = templates.render("mail/supervision", overdueVars());
    assertEquals("【督办】工单GD20260301001「办理答复」已超期1天3小时", mail.subject());
    assertTrue(mail.text().startsWith("市水务局："), mail.text());
    assertTrue(mail.text().contains("时限为2026-03-01 17:30"), mail.text());
    assertTrue(mail.text().contains("幸福路<3号>供水管爆裂 & 停水"), "plain text is not escaped");
    assertTrue(mail.text().contains("办理链接：https://12345.example.gov.cn/tickets/GD20260301001\n"), mail.text());
    assertTrue(mail.html().contains("幸福路&lt;3号&gt;供水管爆裂 &amp; 停水"), mail.html());
    assertTrue(mail.html().contains("href=\"https://12345.example.gov.cn/tickets/GD20260301001\""), mail.html());
  }

  @Test
  void everyShippedTemplateRendersWithItsDocumentedVariables() {
    Map<String, Object> vars = overdueVars();
    vars.putAll(Map.of("headline", "签收超时", "detail", "3张工单超过2小时未签收",
        "transferTo", "120", "caller", "138****8000", "reference", "c-1", "word", "昏迷",
        "receivedAt", "2026-03-02 09:31"));
    vars.putAll(Map.of("queryCode", "K7M2QX", "masterNo", "GD20260301000", "reply", "已抢修", "number", "120",
        "departmentName", "市水务局", "role", "承办", "urgency", "特急", "deadlines", "签收 2026-03-02 11:30"));
    for (String name : new String[] {"sms/ticket-ack", "sms/rating-prompt", "mail/reminder", "mail/supervision",
        "mail/circular", "robot/alert", "robot/emergency-sms", "robot/emergency-call", "robot/emergency-web", "sms/emergency-advice",
        "sms/follow-up-question", "sms/merged-reply"}) {
      RenderedMessage message = templates.render(name, vars);
      assertTrue(!message.text().isBlank(), name);
    }
    // Emergency alerts say what happened: nobody was transferred by the server.
    assertTrue(templates.render("robot/emergency-sms", vars).text().startsWith("【紧急情况】市民短信报告紧急情况，系统未转接"));
    assertTrue(templates.render("robot/emergency-call", vars).text().contains("系统未转接"));
    assertTrue(!templates.render("robot/emergency-call", vars).text().contains("已转"));
    assertTrue(templates.render("robot/emergency-web", vars).text().contains("系统未转接"));
    assertEquals("【通报】市水务局工单GD20260301001督办后仍未办结", templates.render("mail/circular", vars).subject());
  }

  @Test
  void aMissingVariableFailsAtRenderTime() {
    Map<String, Object> vars = overdueVars();
    vars.remove("overdueBy");
    TemplateRenderException e = assertThrows(TemplateRenderException.class,
        () -> templates.render("mail/supervision", vars));
    assertTrue(e.getMessage().contains("overdueBy"), e.getMessage());
  }

  @Test
  void anUnknownTemplateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> templates.render("sms/nope", Map.of()));
  }

  @Test
  void aCentresEditedCopyWinsOverTheDefault(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sms"));
    Files.writeString(dir.resolve("sms/ticket-ack.text.peb"),
        "【呼和浩特12345】已受理，工单号{{ ticketNo }}。", StandardCharsets.UTF_8);
    MessageTemplates edited = MessageTemplates.withOverrides(dir);

    assertEquals("【呼和浩特12345】已受理，工单号GD7。", edited.render("sms/ticket-ack", Map.of("ticketNo", "GD7")).text());
    assertTrue(edited.render("sms/rating-prompt", Map.of("ticketNo", "GD7")).text().startsWith("【12345】"),
        "files not copied fall back to the shipped defaults");
  }
}
