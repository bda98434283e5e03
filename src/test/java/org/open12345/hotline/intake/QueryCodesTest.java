package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Codes drawn in one go from the secure generator still use every letter at every position. */
class QueryCodesTest {
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  @Test
  void everyPositionTakesEveryLetterOfTheAlphabet() {
    @SuppressWarnings("unchecked")
    Set<Character>[] seen = new Set[6];
    for (int i = 0; i < 6; i++) {
      seen[i] = new HashSet<>();
    }
    Set<String> codes = new HashSet<>();
    // 3,000 draws: each letter is expected ~97 times per position; missing one is ~1e-40 likely.
    for (int n = 0; n < 3000; n++) {
      String code = QueryCodes.generate();
      assertEquals(6, code.length(), code);
      codes.add(code);
      for (int i = 0; i < 6; i++) {
        assertTrue(ALPHABET.indexOf(code.charAt(i)) >= 0, "no look-alikes: " + code);
        seen[i].add(code.charAt(i));
      }
    }
    for (int i = 0; i < 6; i++) {
      assertEquals(ALPHABET.length(), seen[i].size(), "letters seen at position " + i);
    }
    assertTrue(codes.size() > 2990, "codes repeat far more than chance would: " + codes.size());
  }

  @Test
  void aDerivedCodeIsTheSameForTheSameSecretAndUsesTheWholeAlphabet() {
    byte[] secret = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertEquals(QueryCodes.derive(secret), QueryCodes.derive(secret.clone()));
    Set<Character> seen = new HashSet<>();
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 2000; n++) {
      byte[] s = new byte[32];
      random.nextBytes(s);
      String code = QueryCodes.derive(s);
      assertTrue(code.matches("[" + ALPHABET + "]{6}"), code);
      code.chars().forEach(c -> seen.add((char) c));
    }
    assertEquals(ALPHABET.length(), seen.size());
    assertThrows(IllegalArgumentException.class, () -> QueryCodes.derive(new byte[7]));
  }

  @Test
  void theHashMatchesOnlyItsOwnCodeOnAnyThread() throws Exception {
    String stored = QueryCodes.hash("20261201000001", "K7M2QX");
    assertTrue(QueryCodes.matches("20261201000001", " k7m2qx ", stored), "case and blanks as typed");
    assertFalse(QueryCodes.matches("20261201000001", "K7M2QY", stored));
    assertFalse(QueryCodes.matches("20261201000002", "K7M2QX", stored));
    String[] other = new String[1];
    Thread t = new Thread(() -> other[0] = QueryCodes.hash("20261201000001", "K7M2QX"));
    t.start();
    t.join();
    assertEquals(stored, other[0], "each thread's digest gives the same hash");
  }
}
