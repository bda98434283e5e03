package org.open12345.hotline.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.notify.ConfigSection;
import org.open12345.hotline.notify.Outcomes;
import org.open12345.hotline.notify.ProviderStub;
import org.open12345.hotline.notify.ProviderStub.Reply;
import org.open12345.hotline.notify.SendOutcome;
import org.open12345.hotline.notify.TestMessages;

class AliyunSmsSenderTest {

  private static final String SECRET = "testsecret";

  private Vertx vertx;
  private WebClient web;
  private ProviderStub aliyun;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    aliyun = ProviderStub.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private AliyunSmsSender sender(String baseUrl) {
    return new AliyunSmsSender(web, AliyunSmsSettings.from(new ConfigSection("messaging.sms.aliyun", new JsonObject()
        .put("accessKeyId", "testid")
        .put("accessKeySecret", SECRET)
        .put("signName", "12345热线")
        .put("baseUrl", baseUrl)
        .put("timeoutMs", 500)
        .put("templates", new JsonObject().put("rating-prompt",
            new JsonObject().put("code", "SMS_71390007").put("params", new JsonObject().put("no", "ticketNo")))))));
  }

  private SendOutcome sendRatingPrompt(String baseUrl) throws Exception {
    return Await.result(sender(baseUrl).send(TestMessages.sms(
        "rating-prompt", "+86 138-0013-8000", "ignored by Aliyun", new JsonObject().put("ticketNo", 20260301001L))));
  }

  @Test
  void sendsTheDocumentedParametersSignedWithHmacSha1() throws Exception {
    aliyun.answering(r -> Reply.json(200,
        "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5\",\"BizId\":\"900619746936498440^0\",\"Code\":\"OK\"}"));

    SendOutcome outcome = sendRatingPrompt(aliyun.baseUrl());

    assertEquals("900619746936498440^0", Outcomes.sent(outcome).providerId());
    ProviderStub.Received request = aliyun.only();
    assertEquals("GET", request.method());
    assertEquals("/", request.path());
    Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
    TreeMap<String, String> params = new TreeMap<>();
    query.forEach((k, v) -> params.put(k, v.get(0)));
    String signature = params.remove("Signature");

    assertEquals(expectedSignature(params), signature);
    assertEquals("SendSms", params.get("Action"));
    assertEquals("2017-05-25", params.get("Version"));
    assertEquals("HMAC-SHA1", params.get("SignatureMethod"));
    assertEquals("1.0", params.get("SignatureVersion"));
    assertEquals("testid", params.get("AccessKeyId"));
    assertEquals("13800138000", params.get("PhoneNumbers"));
    assertEquals("12345热线", params.get("SignName"));
    assertEquals("SMS_71390007", params.get("TemplateCode"));
    assertEquals(new JsonObject().put("no", "20260301001"), new JsonObject(params.get("TemplateParam")));
    assertTrue(params.get("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), params.get("Timestamp"));
    assertFalse(params.get("SignatureNonce").isBlank());
  }

  /** Aliyun's own worked example from its signature documentation. */
  @Test
  void matchesTheDocumentedSignatureExample() {
    TreeMap<String, String> params = new TreeMap<>(Map.ofEntries(
        Map.entry("AccessKeyId", "testId"), Map.entry("Action", "SendSms"), Map.entry("Format", "XML"),
        Map.entry("OutId", "123"), Map.entry("PhoneNumbers", "15300000001"), Map.entry("RegionId", "cn-hangzhou"),
        Map.entry("SignName", "阿里云短信测试专用"), Map.entry("SignatureMethod", "HMAC-SHA1"),
        Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"), Map.entry("SignatureVersion", "1.0"),
        Map.entry("TemplateCode", "SMS_71390007"), Map.entry("TemplateParam", "{\"customer\":\"test\"}"),
        Map.entry("Timestamp", "2017-07-12T02:42:19Z"), Map.entry("Version", "2017-05-25")));
    assertEquals("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunSignature.sign("GET", params, "testSecret"));
  }

  @Test
  void throttlingIsRetriedAndAnInvalidNumberIsNot() throws Exception {
    aliyun.answering(r -> Reply.json(200,
        "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控Permits:1\"}"));
    Outcomes.retry(sendRatingPrompt(aliyun.baseUrl()));

    aliyun.answering(r -> Reply.json(200,
        "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}"));
    SendOutcome illegal = sendRatingPrompt(aliyun.baseUrl());
    assertEquals("Aliyun isv.MOBILE_NUMBER_ILLEGAL: 非法手机号", Outcomes.permanent(illegal).reason());

    aliyun.answering(r -> Reply.json(200,
        "{\"Code\":\"isv.SMS_TEMPLATE_ILLEGAL\",\"Message\":\"模板不合法\"}"));
    Outcomes.permanent(sendRatingPrompt(aliyun.baseUrl()));

    aliyun.answering(r -> new Reply(503, "text/html", "<html>Service Unavailable</html>"));
    Outcomes.retry(sendRatingPrompt(aliyun.baseUrl()));

    aliyun.answering(r -> Reply.json(400, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}"));
    Outcomes.retry(sendRatingPrompt(aliyun.baseUrl()));
  }

  @Test
  void unreachableOrSilentProviderIsRetried() throws Exception {
    Outcomes.retry(sendRatingPrompt(ProviderStub.closedPortUrl()));

    aliyun.answering(r -> Reply.silence());
    Outcomes.retry(sendRatingPrompt(aliyun.baseUrl()));
  }

  @Test
  void aKindWithoutProviderTemplateFailsPermanentlyWithoutCallingAliyun() throws Exception {
    SendOutcome outcome = Await.result(sender(aliyun.baseUrl()).send(
        TestMessages.sms("ticket-ack", "13800138000", "text", new JsonObject())));
    Outcomes.permanent(outcome);
    assertTrue(aliyun.received().isEmpty());
  }

  /** The signature recomputed the way Aliyun's documentation spells it out, step by step. */
  static String expectedSignature(TreeMap<String, String> params) {
    StringBuilder canonical = new StringBuilder();
    params.forEach((k, v) -> {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(rfc3986(k)).append('=').append(rfc3986(v));
    });
    String toSign = "GET&" + rfc3986("/") + "&" + rfc3986(canonical.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Unreserved characters kept, every other UTF-8 byte as %XX in upper case. */
  static String rfc3986(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
