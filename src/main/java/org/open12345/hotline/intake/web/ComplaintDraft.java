package org.open12345.hotline.intake.web;

import org.open12345.hotline.ticket.PhoneNumbers;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.RequestType;

/**
 * Reads a web complaint (JSON or form fields, as text) into a ticket draft, refusing empty,
 * over-long and link-stuffed descriptions with messages a citizen can act on.
 */
public final class ComplaintDraft {
  public static final Set<String> FIELDS = Set.of("name", "phone", "request_type", "category_code", "location",
      "description", "latitude", "longitude", "confidential");
  private static final Pattern MOBILE_OR_LANDLINE = Pattern.compile("(1\\d{10}|0\\d{9,11}|\\d{7,8})");
  private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.)");
  private static final Pattern CATEGORY = Pattern.compile("\\d{2,6}");

  private ComplaintDraft() {}

  public static NewTicket parse(Map<String, String> f, ComplaintSettings s, Channel channel) throws ComplaintRejected {
    for (String k : f.keySet()) {
      if (!FIELDS.contains(k)) {
        throw new ComplaintRejected(k, "不认识的字段 " + k + "（unknown field）");
      }
    }
    String phoneText = text(f, "phone");
    if (phoneText == null) {
      throw new ComplaintRejected("phone", "请填写联系电话，以便承办单位联系您（phone is required）");
    }
    String phone = PhoneNumbers.normalize(phoneText);
    if (!MOBILE_OR_LANDLINE.matcher(phone).matches()) {
      throw new ComplaintRejected("phone", "联系电话格式不正确，请填写手机号或带区号的座机号（not a phone number）");
    }
    String description = text(f, "description");
    if (description == null) {
      throw new ComplaintRejected("description", "请填写诉求内容（description is empty）");
    }
    if (description.codePointCount(0, description.length()) > s.maxDescriptionChars()) {
      throw new ComplaintRejected("description", "诉求内容过长，请控制在" + s.maxDescriptionChars()
          + "字以内（description longer than " + s.maxDescriptionChars() + " characters）");
    }
    if (description.codePointCount(0, description.length()) < 5) {
      throw new ComplaintRejected("description", "诉求内容过短，请说明具体问题和地点（description too short）");
    }
    Matcher urls = URL.matcher(description);
    int links = 0;
    while (urls.find()) {
      links++;
    }
    if (links > s.maxUrls()) {
      throw new ComplaintRejected("description", "诉求内容中链接过多（最多" + s.maxUrls() + "个），疑似广告（too many links）");
    }
    RequestType type = RequestType.COMPLAINT;
    String typeText = text(f, "request_type");
    if (typeText != null) {
      type = RequestType.parse(typeText);
      if (type == null) {
        throw new ComplaintRejected("request_type", "诉求类型应为 咨询、求助、投诉、举报、建议 或 表扬（unknown request type）");
      }
    }
    String category = text(f, "category_code");
    if (category != null && !CATEGORY.matcher(category).matches()) {
      throw new ComplaintRejected("category_code", "分类编码应为2至6位数字（category_code must be 2-6 digits）");
    }
    Double lat = number(f, "latitude", -90, 90);
    Double lon = number(f, "longitude", -180, 180);
    if ((lat == null) != (lon == null)) {
      throw new ComplaintRejected(lat == null ? "latitude" : "longitude", "经纬度须同时填写（latitude and longitude go together）");
    }
    return new NewTicket(channel, phone, limit(text(f, "name"), 64, "name", "姓名"), type, null, category,
        limit(text(f, "location"), 500, "location", "地点"), lat, lon, null, description.strip(), null, null,
        confidential(text(f, "confidential")));
  }

  /** 「对承办单位保密我的联系方式」: a ticked form box sends "on"; JSON sends true or false. */
  private static boolean confidential(String v) throws ComplaintRejected {
    if (v == null || Set.of("false", "0", "off", "no").contains(v)) {
      return false;
    }
    if (Set.of("true", "1", "on", "yes").contains(v)) {
      return true;
    }
    throw new ComplaintRejected("confidential", "保密选项应为 true 或 false（confidential must be true or false）");
  }

  private static String text(Map<String, String> f, String k) {
    String v = f.get(k);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String limit(String v, int max, String field, String label) throws ComplaintRejected {
    if (v != null && v.length() > max) {
      throw new ComplaintRejected(field, label + "过长，最多" + max + "字（" + field + " too long）");
    }
    return v;
  }

  private static Double number(Map<String, String> f, String k, double min, double max) throws ComplaintRejected {
    String v = text(f, k);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d < min || d > max || Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ComplaintRejected(k, "坐标超出范围（" + k + " must be between " + min + " and " + max + "）");
    }
  }
}
