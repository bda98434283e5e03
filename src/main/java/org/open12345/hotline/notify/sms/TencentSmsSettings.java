package org.open12345.hotline.notify.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.notify.ConfigSection;

/**
 * The {@code messaging.sms.tencent} section. Like Aliyun, Tencent sends only approved templates;
 * their parameters are positional ({1}, {2}, ...), hence a list of our variable names.
 *
 * @param host the Host header that is signed; defaults to the authority of {@code baseUrl}
 *     (host, plus port when not the default)
 */
public record TencentSmsSettings(
    String secretId,
    String secretKey,
    String region,
    String sdkAppId,
    String signName,
    String baseUrl,
    String host,
    String defaultCountryCode,
    int timeoutMs,
    Map<String, Template> templates) {

  /** @param params our variable names, in the template's {1}, {2}, ... order */
  public record Template(String id, List<String> params) {}

  public static TencentSmsSettings from(ConfigSection section) {
    Map<String, Template> templates = new LinkedHashMap<>();
    section.sections("templates").forEach((kind, t) ->
        templates.put(kind, new Template(t.requireString("id"), List.copyOf(t.strings("params")))));
    String baseUrl = section.string("baseUrl", "https://sms.tencentcloudapi.com");
    return new TencentSmsSettings(
        section.requireString("secretId"),
        section.requireString("secretKey"),
        section.string("region", "ap-guangzhou"),
        section.requireString("sdkAppId"),
        section.requireString("signName"),
        baseUrl,
        section.string("host", java.net.URI.create(baseUrl).getAuthority()),
        section.string("defaultCountryCode", "+86"),
        section.integer("timeoutMs", 10_000),
        Map.copyOf(templates));
  }
}
