package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          13800138000          | 13800138000
          +8613800138000       | 13800138000
          +86 138 0013 8000    | 13800138000
          8613800138000        | 13800138000
          008613800138000      | 13800138000
          +86-138-0013-8000    | 13800138000
          ＋８６１３８００１３８０００ | 13800138000
          +86 10 5555 1234     | 01055551234
          010-5555-1234        | 01055551234
          12345                | 12345
          86123456             | 86123456
          +12349013030         | +12349013030
          0012349013030        | +12349013030
          anonymous            | anonymous
          sip:100@pbx          | sip:100@pbx
          """)
  void normalizes(String raw, String expected) {
    assertEquals(expected, PhoneNumbers.normalize(raw));
  }

  @Test
  void nullStaysNull() {
    assertNull(PhoneNumbers.normalize(null));
  }

  @Test
  void joinsCountryCodes() {
    assertEquals("13800138000", PhoneNumbers.withCountryCode("86", "13800138000"));
    assertEquals("13800138000", PhoneNumbers.withCountryCode("", "13800138000"));
    assertEquals("+85291234567", PhoneNumbers.withCountryCode("852", "91234567"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          13800138000          | +86  | +8613800138000
          +86 138 0013 8000    | +86  | +8613800138000
          01055551234          | +86  | +861055551234
          010-5555-1234        | 86   | +861055551234
          +86 10 5555 1234     | +86  | +861055551234
          0471-6951123         | +86  | +864716951123
          +85291234567         | +86  | +85291234567
          0012349013030        | +86  | +12349013030
          4155550100           | +1   | +14155550100
          """)
  void e164DropsTheTrunkZeroOfLandlines(String raw, String country, String expected) {
    assertEquals(expected, PhoneNumbers.e164(raw, country));
  }

  @Test
  void theProvidersFormsComeFromTheOneNormalForm() {
    // A landline stored by any channel is dialled the same way by every SMS provider.
    String stored = PhoneNumbers.normalize("+86 10 5555 1234");
    assertEquals("+861055551234", PhoneNumbers.e164(stored, "+86"));
    assertEquals(PhoneNumbers.e164("010-5555-1234", "+86"), PhoneNumbers.e164(stored, "+86"));
    assertEquals("01055551234", PhoneNumbers.national(stored));
    assertEquals("13800138000", PhoneNumbers.national("+86 138 0013 8000"));
    assertEquals("85291234567", PhoneNumbers.national("+852 9123 4567"));
  }
}
