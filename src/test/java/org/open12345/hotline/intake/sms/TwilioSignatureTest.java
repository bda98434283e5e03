package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.Payloads;

/**
 * Twilio's worked example (twilio.com/docs/usage/security). Two versions of the page circulate:
 * with Caller/From +12349013030 the signature is 0/KCTR6DLpKmkAf8muzZqo1nDgQ=, with the older
 * +14158675310 it is GvWf1cFY/Q7PnoempGyD5oXAezc=. Both were recomputed independently (Python
 * hmac) before being written here; GvWf… does NOT belong to the +12349013030 parameters.
 */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

  private static Map<String, List<String>> params(String caller) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("CallSid", List.of("CA1234567890ABCDE"));
    p.put("Caller", List.of(caller));
    p.put("Digits", List.of("1234"));
    p.put("From", List.of(caller));
    p.put("To", List.of("+18005551212"));
    return p;
  }

  @Test
  void currentDocumentedExample() throws PayloadException {
    Map<String, List<String>> p = FormBody.parse(Payloads.read("sms/twilio-signature-example.form"));
    assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.compute(TOKEN, URL, p));
    assertTrue(TwilioSignature.isValid(TOKEN, URL, p, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, p, "GvWf1cFY/Q7PnoempGyD5oXAezc="));
  }

  @Test
  void olderDocumentedExample() {
    assertEquals("GvWf1cFY/Q7PnoempGyD5oXAezc=", TwilioSignature.compute(TOKEN, URL, params("+14158675310")));
    assertTrue(TwilioSignature.isValid(TOKEN, URL, params("+14158675310"), "GvWf1cFY/Q7PnoempGyD5oXAezc="));
  }

  @Test
  void parameterOrderDoesNotMatter() {
    Map<String, List<String>> reversed = new LinkedHashMap<>();
    List.of("To", "From", "Digits", "Caller", "CallSid")
        .forEach(k -> reversed.put(k, params("+12349013030").get(k)));
    assertTrue(TwilioSignature.isValid(TOKEN, URL, reversed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  }

  @Test
  void anyChangeBreaksIt() {
    String sig = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    Map<String, List<String>> tampered = params("+12349013030");
    tampered.put("Digits", List.of("9999"));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, tampered, sig));
    Map<String, List<String>> extra = params("+12349013030");
    extra.put("Body", List.of("hi"));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, extra, sig));
    assertFalse(TwilioSignature.isValid(TOKEN, URL.replace("https", "http"), params("+12349013030"), sig));
    assertFalse(TwilioSignature.isValid(TOKEN, URL + "&baz=3", params("+12349013030"), sig));
    assertFalse(TwilioSignature.isValid("54321", URL, params("+12349013030"), sig));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, params("+12349013030"), sig.substring(1)));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, params("+12349013030"), null));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, params("+12349013030"), ""));
  }

  @Test
  void defaultPortMayBeAddedOrDropped() {
    String sig = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    assertTrue(
        TwilioSignature.isValid(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params("+12349013030"), sig));
    String signedWithPort =
        TwilioSignature.compute(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params("+12349013030"));
    assertTrue(TwilioSignature.isValid(TOKEN, URL, params("+12349013030"), signedWithPort));
    assertFalse(
        TwilioSignature.isValid(TOKEN, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", params("+12349013030"), sig));
  }

  @Test
  void repeatedParametersEachCount() {
    Map<String, List<String>> one = new LinkedHashMap<>(Map.of("MediaUrl", List.of("a", "b")));
    Map<String, List<String>> swapped = new LinkedHashMap<>(Map.of("MediaUrl", List.of("b", "a")));
    Map<String, List<String>> single = new LinkedHashMap<>(Map.of("MediaUrl", List.of("a")));
    String sig = TwilioSignature.compute(TOKEN, URL, one);
    assertTrue(TwilioSignature.isValid(TOKEN, URL, swapped, sig));
    assertFalse(TwilioSignature.isValid(TOKEN, URL, single, sig));
  }
}
