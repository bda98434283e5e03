package org.open12345.hotline.intake.open311;

import java.util.List;
import java.util.Objects;

/**
 * One Open311 service (a request category). {@code code} is the ticket category code (2-6
 * digits, GB/T 39666 style), so a request's service_code is its ticket's category_code.
 */
public record Open311Service(String code, String name, String description, String group, List<String> keywords) {
  public Open311Service {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
