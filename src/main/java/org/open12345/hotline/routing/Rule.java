package org.open12345.hotline.routing;

/** One ordered routing rule as written in rules.yaml; {@code line} is where it starts. */
public record Rule(String id, String name, int line, RuleCondition when, RuleOutcome then) {

  @Override
  public String toString() {
    return id + " (" + name + "): when " + when.describe() + " then " + then;
  }
}
