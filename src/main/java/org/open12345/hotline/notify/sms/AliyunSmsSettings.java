package org.open12345.hotline.notify.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.sms.aliyun} section. Aliyun only sends texts from templates approved in
 * its console, so each outbox message kind maps to a template code and to the variables that
 * fill it; the rendered text is not sent.
 */
public record AliyunSmsSettings(
    String accessKeyId,
    String accessKeySecret,
    String signName,
    String regionId,
    String baseUrl,
    int timeoutMs,
    Map<String, Template> templates) {

  /**
   * @param params Aliyun template variable name → name of our variable in the message's
   *     {@code metadata.vars}
   */
  public record Template(String code, Map<String, String> params) {}

  public static AliyunSmsSettings from(ConfigSection section) {
    Map<String, Template> templates = new LinkedHashMap<>();
    section.sections("templates").forEach((kind, t) ->
        templates.put(kind, new Template(t.requireString("code"), t.stringMap("params"))));
    return new AliyunSmsSettings(
        section.requireString("accessKeyId"),
        section.requireString("accessKeySecret"),
        section.requireString("signName"),
        section.string("regionId", "cn-hangzhou"),
        section.string("baseUrl", "https://dysmsapi.aliyuncs.com"),
        section.integer("timeoutMs", 10_000),
        Map.copyOf(templates));
  }
}
