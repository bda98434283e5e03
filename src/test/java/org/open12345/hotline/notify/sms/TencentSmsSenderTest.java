package org.open12345.hotline.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
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

class TencentSmsSenderTest {

  private static final String SECRET_ID = "AKIDtest";
  private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3test";

  private Vertx vertx;
  private WebClient web;
  private ProviderStub tencent;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    tencent = ProviderStub.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  private SendOutcome send(String baseUrl) throws Exception {
    TencentSmsSender sender = new TencentSmsSender(web, TencentSmsSettings.from(
        new ConfigSection("messaging.sms.tencent", new JsonObject()
            .put("secretId", SECRET_ID)
            .put("secretKey", SECRET_KEY)
            .put("sdkAppId", "1400006666")
            .put("signName", "12345热线")
            .put("baseUrl", baseUrl)
            .put("timeoutMs", 500)
            .put("templates", new JsonObject().put("rating-prompt",
                new JsonObject().put("id", "449739").put("params", new JsonArray().add("ticketNo")))))));
    return Await.result(sender.send(TestMessages.sms(
        "rating-prompt", "13711112222", "ignored", new JsonObject().put("ticketNo", "GD20260301001"))));
  }

  private static Reply status(String code, String message) {
    return Reply.json(200, new JsonObject().put("Response", new JsonObject()
        .put("SendStatusSet", new JsonArray().add(new JsonObject()
            .put("SerialNo", "5000:1045710669157053657849499619").put("PhoneNumber", "+8613711112222")
            .put("Fee", 1).put("SessionContext", "42").put("Code", code).put("Message", message)
            .put("IsoCode", "CN")))
        .put("RequestId", "a0aabda6-cf91-4f3e-a81f-9198114a2279")).encode());
  }

  private static Reply error(String code, String message) {
    return Reply.json(200, new JsonObject().put("Response", new JsonObject()
        .put("Error", new JsonObject().put("Code", code).put("Message", message))
        .put("RequestId", "b1")).encode());
  }

  @Test
  void postsTheDocumentedBodyWithATc3Signature() throws Exception {
    tencent.answering(r -> status("Ok", "send success"));

    SendOutcome outcome = send(tencent.baseUrl());

    assertEquals("5000:1045710669157053657849499619", Outcomes.sent(outcome).providerId());
    ProviderStub.Received request = tencent.only();
    assertEquals("POST", request.method());
    assertEquals("/", request.path());
    assertEquals("SendSms", request.headers().get("X-TC-Action"));
    assertEquals("2021-01-11", request.headers().get("X-TC-Version"));
    assertEquals("ap-guangzhou", request.headers().get("X-TC-Region"));
    long timestamp = Long.parseLong(request.headers().get("X-TC-Timestamp"));
    assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60);

    String authorization = request.headers().get("Authorization");
    assertEquals(expectedAuthorization(request, timestamp), authorization);

    JsonObject body = new JsonObject(request.body());
    assertEquals(new JsonArray().add("+8613711112222"), body.getJsonArray("PhoneNumberSet"));
    assertEquals("1400006666", body.getString("SmsSdkAppId"));
    assertEquals("12345热线", body.getString("SignName"));
    assertEquals("449739", body.getString("TemplateId"));
    assertEquals(new JsonArray().add("GD20260301001"), body.getJsonArray("TemplateParamSet"));
  }

  @Test
  void limitsAndInternalErrorsAreRetriedWrongNumbersAndTemplatesAreNot() throws Exception {
    tencent.answering(r -> status("LimitExceeded.PhoneNumberOneHourLimit", "单个手机号1小时内下发短信条数超过设定的上限"));
    Outcomes.retry(send(tencent.baseUrl()));

    tencent.answering(r -> error("InternalError.Timeout", "请求下发短信超时"));
    Outcomes.retry(send(tencent.baseUrl()));

    tencent.answering(r -> status("InvalidParameterValue.IncorrectPhoneNumber", "手机号格式错误"));
    assertEquals("Tencent InvalidParameterValue.IncorrectPhoneNumber: 手机号格式错误",
        Outcomes.permanent(send(tencent.baseUrl())).reason());

    tencent.answering(r -> status("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配"));
    Outcomes.permanent(send(tencent.baseUrl()));

    tencent.answering(r -> error("AuthFailure.SignatureFailure", "The provided credentials could not be validated."));
    Outcomes.permanent(send(tencent.baseUrl()));

    tencent.answering(r -> new Reply(502, "text/html", "<html>Bad Gateway</html>"));
    Outcomes.retry(send(tencent.baseUrl()));

    Outcomes.retry(send(ProviderStub.closedPortUrl()));
  }

  /** TC3-HMAC-SHA256 recomputed from what arrived, following Tencent's signature v3 steps. */
  private static String expectedAuthorization(ProviderStub.Received request, long timestamp) throws Exception {
    String signedHeaders = "content-type;host;x-tc-action";
    String canonicalRequest = String.join("\n",
        "POST", "/", "",
        "content-type:" + request.headers().get("Content-Type"),
        "host:" + request.headers().get("Host"),
        "x-tc-action:" + request.headers().get("X-TC-Action").toLowerCase(),
        "",
        signedHeaders,
        hex(MessageDigest.getInstance("SHA-256").digest(request.body().getBytes(StandardCharsets.UTF_8))));
    String date = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    String scope = date + "/sms/tc3_request";
    String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
        + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] secretDate = hmac(("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
    byte[] secretService = hmac(secretDate, "sms");
    byte[] secretSigning = hmac(secretService, "tc3_request");
    String signature = hex(hmac(secretSigning, stringToSign));
    return "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + scope
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
