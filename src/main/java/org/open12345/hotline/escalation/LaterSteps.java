package org.open12345.hotline.escalation;

import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * The {@code later} column of a lazily planned ladder: the steps after the planned one, in firing
 * order, each as a JSON array (key, deadline kind, step kind, level, due, deadline due, audience,
 * channels, circulate, department). An array per step rather than an object: the column is
 * written for every dispatched ticket, and field names would double its size.
 */
final class LaterSteps {

  /** A step still to come with the department it concerns. */
  record Later(PlannedStep step, String departmentId) {}

  private LaterSteps() {}

  /** The JSON text for {@code steps} (null when there are none: the ladder ends with its row). */
  static String encode(List<PlannedStep> steps, java.util.function.Function<PlannedStep, String> departmentOf) {
    if (steps.isEmpty()) {
      return null;
    }
    JsonArray a = new JsonArray();
    for (PlannedStep s : steps) {
      a.add(new JsonArray().add(s.key()).add(s.deadlineKind().name()).add(s.stepKind().name()).add(s.level())
          .add(s.dueAt().toString()).add(s.deadlineDueAt().toString()).add(joined(s.to())).add(joined(s.via()))
          .add(s.circulate()).add(departmentOf.apply(s)));
    }
    return a.encode();
  }

  /** The steps of a {@code later} value; empty for null. */
  static List<Later> decode(Object json) {
    if (json == null) {
      return List.of();
    }
    JsonArray a = json instanceof JsonArray j ? j : new JsonArray(json.toString());
    List<Later> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonArray e = a.getJsonArray(i);
      PlannedStep s = new PlannedStep(e.getString(0), null, DeadlineKind.valueOf(e.getString(1)),
          StepKind.valueOf(e.getString(2)), e.getInteger(3), Instant.parse(e.getString(4)),
          Instant.parse(e.getString(5)), enums(e.getString(6), Audience.class),
          enums(e.getString(7), NoticeChannel.class), e.getBoolean(8));
      out.add(new Later(s, e.getString(9)));
    }
    return out;
  }

  /** Comma-joined, sorted: the form the step columns take (see the repository's upsert). */
  static String joined(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static <E extends Enum<E>> Set<E> enums(String joined, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    if (!joined.isEmpty()) {
      Arrays.stream(joined.split(",")).map(n -> Enum.valueOf(type, n)).forEach(out::add);
    }
    return out;
  }
}
