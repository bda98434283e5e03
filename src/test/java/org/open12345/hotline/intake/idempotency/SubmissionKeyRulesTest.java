package org.open12345.hotline.intake.idempotency;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What makes two submissions "the same" for a key, and the code a key gives. */
class SubmissionKeyRulesTest {
  @Test
  void theContentIsTheFieldsWhateverTheirOrderAndANullIsNotAnEmptyText() throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("phone", "13600000001");
    a.put("description", "路灯坏了");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("description", "路灯坏了");
    b.put("phone", "13600000001");
    assertEquals(SubmissionKey.of("key-1", a).contentHash(), SubmissionKey.of("key-1", b).contentHash());
    Map<String, String> withNull = new HashMap<>(a);
    withNull.put("name", null);
    Map<String, String> withEmpty = new HashMap<>(a);
    withEmpty.put("name", "");
    assertNotEquals(SubmissionKey.of("key-1", withNull).contentHash(),
        SubmissionKey.of("key-1", withEmpty).contentHash());
    Map<String, String> shifted = Map.of("descriptio", "n路灯坏了", "phone", "13600000001");
    assertNotEquals(SubmissionKey.of("key-1", a).contentHash(), SubmissionKey.of("key-1", shifted).contentHash(),
        "names and values cannot run into each other");
  }

  @Test
  void aQuotedKeyIsTheKeyWithoutItsQuotes() throws Exception {
    assertEquals("abc", SubmissionKey.of("\"abc\"", Map.of()).key());
    assertEquals("\"", SubmissionKey.of("\"", Map.of()).key(), "a lone quote is a key of its own");
    assertEquals("a key with spaces", SubmissionKey.of("a key with spaces", Map.of()).key());
    for (String bad : new String[] {"\"\"", "", "  ", "有中文", "tab\tin", "a".repeat(256)}) {
      assertThrows(InvalidSubmissionKey.class, () -> SubmissionKey.of(bad, Map.of()), bad);
    }
    assertEquals(255, SubmissionKey.of("a".repeat(255), Map.of()).key().length());
  }

  @Test
  void aKeyPrintedShowsItsHashNotItself() throws Exception {
    SubmissionKey key = SubmissionKey.of("8e2f0c1a-2b1e-4c55-9d7e-3f1f2b6a9c10", Map.of("phone", "1"));
    assertFalse(key.toString().contains("8e2f0c1a"), key.toString());
    assertTrue(key.toString().contains(key.keyHash().substring(0, 12)), key.toString());
  }

  @Test
  void theCodeDependsOnKeyAndSaltOnly() throws Exception {
    SubmissionKey key = SubmissionKey.of("8e2f0c1a-2b1e-4c55-9d7e-3f1f2b6a9c10", Map.of("phone", "1"));
    byte[] salt = SubmissionKey.newSalt();
    String code = key.queryCode(salt);
    assertTrue(code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}"), code);
    assertEquals(code, SubmissionKey.of(key.key(), Map.of("phone", "2")).queryCode(salt.clone()));
    int differs = 0;
    for (int i = 0; i < 20; i++) {
      differs += key.queryCode(SubmissionKey.newSalt()).equals(code) ? 0 : 1;
    }
    assertEquals(20, differs, "another salt, another code");
    assertNotEquals(code, SubmissionKey.of(key.key() + "x", Map.of()).queryCode(salt), "another key, another code");
  }

  @Test
  void aScopedKeyIsAnotherKeyInEachScopeAndNeverAnUnscopedOne() throws Exception {
    Map<String, String> fields = Map.of("service_code", "001");
    SubmissionKey a = SubmissionKey.scoped("open311\u0000client-a", "key-1", fields);
    assertEquals(a.keyHash(), SubmissionKey.scoped("open311\u0000client-a", "\"key-1\"", fields).keyHash());
    assertNotEquals(a.keyHash(), SubmissionKey.scoped("open311\u0000client-b", "key-1", fields).keyHash());
    assertNotEquals(a.keyHash(), SubmissionKey.of("key-1", fields).keyHash());
    assertEquals(SubmissionKey.of("key-1", fields).contentHash(), a.contentHash(), "the scope is not content");
    assertThrows(InvalidSubmissionKey.class, () -> SubmissionKey.scoped("open311\u0000client-a", "", fields));
  }
}
