package org.open12345.hotline.routing;

/** Why one rule before the deciding one did not match, in words a dispatcher reads. */
public record RuleMiss(String ruleId, String ruleName, int line, String reason) {}
