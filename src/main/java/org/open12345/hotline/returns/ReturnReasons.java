package org.open12345.hotline.returns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.open12345.hotline.problem.InvalidField;

/**
 * The reasons a department may give when it returns a ticket, and what a return must carry: one
 * of these reasons (by id or name) and a text that explains it (which area or department it
 * belongs to, what is unclear, the duplicate's number). Without both the centre cannot rule.
 */
public final class ReturnReasons {

  /** The shipped list (routing-rules/policies.yaml, {@code returns.reasons}). */
  public static final ReturnReasons DEFAULT = new ReturnReasons(List.of(
      new ReturnReason("wrong_area", "属地不符"),
      new ReturnReason("wrong_duty", "职能不符"),
      new ReturnReason("unclear", "诉求不清"),
      new ReturnReason("duplicate", "重复工单"),
      new ReturnReason("other", "其他")));

  private final List<ReturnReason> reasons;

  public ReturnReasons(List<ReturnReason> reasons) {
    if (reasons == null || reasons.isEmpty()) {
      throw new IllegalArgumentException("at least one return reason");
    }
    this.reasons = List.copyOf(reasons);
  }

  public List<ReturnReason> all() {
    return reasons;
  }

  /** By id (any case) or name; empty when neither. */
  public Optional<ReturnReason> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return reasons.stream()
        .filter(r -> r.id().equals(t.toLowerCase(Locale.ROOT)) || r.name().equals(t))
        .findFirst();
  }

  /**
   * The reason of a return, checked.
   *
   * @param reason the {@code reason} field of the return
   * @param note the {@code note} field: the explanation
   * @throws InvalidField naming the field and the allowed reasons
   */
  public ReturnReason require(String reason, String note) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidField("reason", "a return needs a reason: one of " + described());
    }
    ReturnReason r = find(reason).orElseThrow(() -> new InvalidField("reason",
        "unknown return reason '" + reason.trim() + "': one of " + described()));
    if (note == null || note.isBlank()) {
      throw new InvalidField("note", "a return needs a note that explains the reason (" + r.name() + ")");
    }
    return r;
  }

  private String described() {
    return reasons.stream().map(r -> r.id() + " (" + r.name() + ")").toList().toString();
  }
}
