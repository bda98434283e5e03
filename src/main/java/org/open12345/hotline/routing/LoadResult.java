package org.open12345.hotline.routing;

import java.util.List;
import java.util.Optional;

/** Either a valid rule set, or the errors that kept one from loading (never both). */
public final class LoadResult {
  private final RuleSet ruleSet;
  private final List<ValidationError> errors;

  private LoadResult(RuleSet ruleSet, List<ValidationError> errors) {
    this.ruleSet = ruleSet;
    this.errors = List.copyOf(errors);
  }

  static LoadResult valid(RuleSet ruleSet) {
    return new LoadResult(ruleSet, List.of());
  }

  static LoadResult invalid(List<ValidationError> errors) {
    return new LoadResult(null, errors);
  }

  public boolean isValid() {
    return ruleSet != null;
  }

  public Optional<RuleSet> ruleSet() {
    return Optional.ofNullable(ruleSet);
  }

  /** The rule set; for callers that checked {@link #isValid()}. */
  public RuleSet orThrow() {
    if (ruleSet == null) {
      throw new IllegalStateException("invalid routing rules:\n" + String.join("\n", errors.stream().map(ValidationError::toString).toList()));
    }
    return ruleSet;
  }

  /** Sorted by file and line; empty when valid. */
  public List<ValidationError> errors() {
    return errors;
  }
}
