package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.ticket.LabelledText;

/**
 * What the trainer learns from a ticket whose final department is known: the category a
 * dispatcher chose for it (accepting a suggestion or dispatching by hand) while that department is
 * still the final one, else the category it was filed under; a ticket with neither teaches nothing.
 * So a ticket returned and dispatched elsewhere teaches the category that goes with where it ended.
 */
final class TrainingLabels {
  private TrainingLabels() {}

  static List<NaiveBayesTextModel.Example> examples(List<LabelledText> rows, Map<Long, RoutingRepository.Choice> choices) {
    List<NaiveBayesTextModel.Example> out = new ArrayList<>(rows.size());
    for (LabelledText r : rows) {
      String label = label(r, choices.get(r.id()));
      if (label != null && r.description() != null) {
        out.add(new NaiveBayesTextModel.Example(r.description(), label));
      }
    }
    return out;
  }

  static String label(LabelledText r, RoutingRepository.Choice choice) {
    if (choice != null && choice.departmentId().equals(r.departmentId())) {
      return choice.categoryCode();
    }
    return r.categoryCode();
  }
}
