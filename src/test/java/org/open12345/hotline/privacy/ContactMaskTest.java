package org.open12345.hotline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContactMaskTest {
  @Test
  void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
    assertEquals("138****8000", ContactMask.phone("13800138000"));
    assertEquals("047****5319", ContactMask.phone("04716995319"));
    assertEquals("123*5678", ContactMask.phone("12345678"));
    assertEquals("*****67", ContactMask.phone("1234567"));
    assertEquals("**", ContactMask.phone("12"));
    assertNull(ContactMask.phone(null));
  }

  @Test
  void aNameKeepsItsFirstCharacter() {
    assertEquals("张**", ContactMask.name("张三丰"));
    assertEquals("张*", ContactMask.name("张三"));
    assertEquals("*", ContactMask.name("张"));
    assertEquals("欧***", ContactMask.name("欧阳娜娜"));
    assertEquals("", ContactMask.name(""));
  }

  @Test
  void aLogLineLosesItsPhoneNumbersButKeepsTicketNumbersAndIds() {
    assertEquals("sms from 138****8000 about 20261130000123",
        ContactMask.inText("sms from 13800138000 about 20261130000123"));
    assertEquals("caller +86138****8000 and 0471-***5319 and 010****1234",
        ContactMask.inText("caller +8613800138000 and 0471-6995319 and 01055551234"));
    assertEquals("order 12345678901234567 stays", ContactMask.inText("order 12345678901234567 stays"));
    assertEquals("GET /api/callers/139****0000 failed", ContactMask.inText("GET /api/callers/13900000000 failed"));
    assertEquals("no digits here", ContactMask.inText("no digits here"));
  }

  @Test
  void urlSecretsAreHidden() {
    assertEquals("POST /webhooks/sms/aliyun?secret=*** from 10.0.0.1",
        ContactMask.inText("POST /webhooks/sms/aliyun?secret=s3cr3t-value from 10.0.0.1"));
    assertEquals("x?a=1&token=***&b=2", ContactMask.inText("x?a=1&token=abc&b=2"));
    assertEquals("GET /api/complaints/20261203000004?code=***",
        ContactMask.inText("GET /api/complaints/20261203000004?code=K39TDG"));
    assertEquals("/open311/v2/requests.json?service_code=020301",
        ContactMask.inText("/open311/v2/requests.json?service_code=020301"), "only a parameter named code");
  }

  /** The query code opens the citizen's complaint with the ticket number the same line shows. */
  @Test
  void queryCodesInMessageTextsAreHidden() {
    assertEquals("text=【12345】您反映的诉求已受理，工单号：20261203000004，查询码：******。凭工单号和查询码可在12345网站查询",
        ContactMask.inText("text=【12345】您反映的诉求已受理，工单号：20261203000004，查询码：K39TDG。凭工单号和查询码可在12345网站查询"));
    assertEquals("查询码: ******", ContactMask.inText("查询码: ab23cd"));
    assertEquals("凭工单号和查询码可在网站查询", ContactMask.inText("凭工单号和查询码可在网站查询"));
  }
}
