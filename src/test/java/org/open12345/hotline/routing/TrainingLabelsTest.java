package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.LabelledText;

/** What the trainer learns from a ticket: the dispatcher's choice for its final department, else its code. */
class TrainingLabelsTest {
  private static LabelledText ticket(long id, String code, String finalDepartment) {
    return new LabelledText(id, "家里只有十二度", code, finalDepartment, Instant.EPOCH);
  }

  @Test
  void aChoiceForTheFinalDepartmentWinsOverTheCodeAndAStaleOneDoesNot() {
    var choice = new RoutingRepository.Choice("030300", "hhht.urban");
    assertEquals("030300", TrainingLabels.label(ticket(1, "020301", "hhht.urban"), choice),
        "returned and re-dispatched: the choice that goes with where it ended");
    assertEquals("020301", TrainingLabels.label(ticket(1, "020301", "hhht.heating"), choice),
        "moved again after the choice: the choice no longer says where it belongs");
    assertEquals("030300", TrainingLabels.label(ticket(1, null, "hhht.urban"), choice), "queued, then chosen");
    assertNull(TrainingLabels.label(ticket(1, null, "hhht.urban"), null), "no code, no choice: nothing to learn");
    assertEquals(List.of(new NaiveBayesTextModel.Example("家里只有十二度", "030300")),
        TrainingLabels.examples(List.of(ticket(1, null, "hhht.urban"), ticket(2, null, "hhht.urban")),
            Map.of(1L, choice)));
  }
}
