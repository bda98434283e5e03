package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.ticket.LabelledText;
import org.open12345.hotline.ticket.TicketService;

/**
 * The backtest over the centre's own history (issue 13): the tickets whose final department is
 * known, labelled as the trainer labels them ({@link TrainingLabels}), split in time; the model is
 * trained on the older part and every newer ticket's text is routed as a citizen's SMS would be,
 * printing the figures of {@code routing evaluate} (right/wrong on their own, top 3 of the queued,
 * confusion). {@code java -jar hotline.jar routing backtest [--since DATE] [--max N]}.
 */
public final class FreeTextBacktest {
  /** The newest part scored when no date is given: the last fifth of the history, in time. */
  static final double HELD_OUT = 0.2;

  /** The two parts of the history: learned from, and scored. */
  record Split(List<FreeTextEvaluation.Labelled> train, List<FreeTextEvaluation.Labelled> test, Instant boundary) {}

  private FreeTextBacktest() {}

  /** Reads at most {@code max} newest labelled tickets, trains, scores, prints; the exit status. */
  public static Future<Integer> run(Vertx vertx, Pool pool, TicketService tickets, RuleSet rules, Instant since,
      int max, PrintStream out) {
    return new RoutingRepository().choices(pool).compose(choices -> tickets.labelledTexts(max)
        .compose(rows -> vertx.executeBlocking(() -> {
          Split split = split(rows, choices, since);
          out.printf("history: %d tickets with a known final department, %d labelled; trained on %d before %s, "
              + "scoring %d from then on; rules %s%n", rows.size(), split.train().size() + split.test().size(),
              split.train().size(), split.boundary(), split.test().size(), rules.version());
          if (split.test().isEmpty()) {
            out.println("nothing to score: no labelled ticket at or after the boundary");
            return 1;
          }
          long t0 = System.nanoTime();
          TextModel model = FreeTextEvaluation.train(split.train());
          out.printf("model %s trained in %.1f s%n", model.version(), (System.nanoTime() - t0) / 1e9);
          FreeTextEvaluation.print(out, "vocabulary alone", FreeTextEvaluation.evaluate(rules, TextModel.NONE,
              split.test()));
          FreeTextEvaluation.print(out, "vocabulary + model", FreeTextEvaluation.evaluate(rules, model,
              split.test()));
          return 0;
        }, false)));
  }

  /**
   * Oldest first, the tickets created before {@code since} are learned from and the others scored;
   * without a date, the newest {@link #HELD_OUT} of them are scored. A ticket with no label
   * (no category, no dispatcher's choice for its final department) takes part in neither.
   */
  static Split split(List<LabelledText> rows, Map<Long, RoutingRepository.Choice> choices, Instant since) {
    List<LabelledText> labelled = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<LabelledText> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(LabelledText::createdAt).thenComparingLong(LabelledText::id));
    for (LabelledText r : sorted) {
      String label = TrainingLabels.label(r, choices.get(r.id()));
      if (label != null && r.description() != null) {
        labelled.add(r);
        labels.add(label);
      }
    }
    Instant boundary = since;
    if (boundary == null) {
      int first = (int) Math.floor(labelled.size() * (1 - HELD_OUT));
      boundary = labelled.isEmpty() ? Instant.EPOCH : labelled.get(Math.min(first, labelled.size() - 1)).createdAt();
    }
    List<FreeTextEvaluation.Labelled> train = new ArrayList<>();
    List<FreeTextEvaluation.Labelled> test = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      LabelledText r = labelled.get(i);
      boolean older = r.createdAt().isBefore(boundary);
      (older ? train : test).add(new FreeTextEvaluation.Labelled(older ? "train" : "test", labels.get(i),
          r.departmentId(), r.description()));
    }
    return new Split(train, test, boundary);
  }
}
