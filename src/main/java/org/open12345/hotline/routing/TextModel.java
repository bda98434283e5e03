package org.open12345.hotline.routing;

import java.util.Map;

/**
 * A statistical reading of free text learned from the centre's own history: for a normalized
 * text, the probability of each category code. Implementations are immutable and thread-safe.
 */
public interface TextModel {
  /** No model (none trained yet, or the last one failed to load): the vocabulary decides alone. */
  TextModel NONE = new TextModel() {
    @Override
    public String version() {
      return null;
    }

    @Override
    public Map<String, Double> predict(String normalizedText) {
      return Map.of();
    }
  };

  /** E.g. {@code nb-20261201T0300-1200}; null for {@link #NONE}. */
  String version();

  /** Category code → probability (summing to 1 when not empty); empty when the model cannot tell. */
  Map<String, Double> predict(String normalizedText);
}
