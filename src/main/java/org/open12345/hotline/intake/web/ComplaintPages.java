package org.open12345.hotline.intake.web;

import java.util.Map;

/** The plain HTML complaint form and its answer pages; no JavaScript, every value escaped. */
final class ComplaintPages {
  private ComplaintPages() {}

  static String form(Map<String, String> values, String error) {
    StringBuilder b = head("12345 在线投诉 · 提交诉求");
    b.append("<h1>12345 政务服务便民热线 · 在线提交诉求</h1>\n");
    if (error != null) {
      b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>\n");
    }
    b.append("<form method=\"post\" action=\"/complaint\" accept-charset=\"UTF-8\">\n");
    input(b, "name", "姓名（可不填）", values, "text", false);
    input(b, "phone", "联系电话", values, "tel", true);
    b.append("<p><label for=\"request_type\">诉求类型</label><br><select id=\"request_type\" name=\"request_type\">");
    for (String t : new String[] {"投诉", "求助", "咨询", "举报", "建议", "表扬"}) {
      b.append("<option").append(t.equals(values.get("request_type")) ? " selected" : "").append('>')
          .append(t).append("</option>");
    }
    b.append("</select></p>\n");
    input(b, "location", "事发地点", values, "text", false);
    b.append("<p><label for=\"description\">诉求内容</label><br><textarea id=\"description\" name=\"description\" "
        + "rows=\"8\" cols=\"60\" required>").append(esc(values.getOrDefault("description", "")))
        .append("</textarea></p>\n");
    b.append("<p><label><input type=\"checkbox\" id=\"confidential\" name=\"confidential\" value=\"on\"")
        .append("on".equals(values.get("confidential")) ? " checked" : "")
        .append("> 对承办单位保密我的联系方式</label><br><small>勾选后，承办单位看不到您的电话和姓名，")
        .append("由12345热线代为联系您。</small></p>\n");
    b.append("<p><button type=\"submit\">提交</button></p>\n</form>\n");
    b.append("<p>已提交过？<a href=\"/complaint/status\" id=\"status-link\">凭工单号和查询码查询办理进度、评价</a></p>\n");
    return b.append("</body></html>\n").toString();
  }

  /** @param emergencyAdvice call-now advice for a text naming an emergency, shown first; null for none */
  static String accepted(String number, String code, String emergencyAdvice) {
    StringBuilder b = head("12345 在线投诉 · 已受理");
    if (emergencyAdvice != null) {
      b.append("<p class=\"error\" id=\"emergency\" role=\"alert\">").append(esc(emergencyAdvice)).append("</p>\n");
    }
    b.append("<h1>您的诉求已受理</h1>\n<p>工单号：<strong id=\"number\">").append(esc(number))
        .append("</strong></p>\n<p>查询码：<strong id=\"code\">").append(esc(code))
        .append("</strong></p>\n<p>请妥善保存工单号和查询码，凭此查询办理进度和答复。我们已向您的手机发送受理短信。</p>\n")
        .append("<p><a href=\"/complaint/status?number=").append(esc(number))
        .append("\" id=\"status-link\">查询办理进度</a> · <a href=\"/complaint\">再提交一条诉求</a></p>\n");
    return b.append("</body></html>\n").toString();
  }

  private static void input(StringBuilder b, String name, String label, Map<String, String> values, String type,
      boolean required) {
    b.append("<p><label for=\"").append(name).append("\">").append(label).append("</label><br><input id=\"")
        .append(name).append("\" name=\"").append(name).append("\" type=\"").append(type).append("\" value=\"")
        .append(esc(values.getOrDefault(name, ""))).append('"').append(required ? " required" : "").append("></p>\n");
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
        .append("</title><style>body{font-family:sans-serif;max-width:40em;margin:1em auto;padding:0 1em}"
            + ".error{color:#b00;font-weight:bold}input,textarea,select{width:100%;font-size:1em}"
            + "input[type=checkbox]{width:auto}</style>"
            + "</head><body>\n");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
