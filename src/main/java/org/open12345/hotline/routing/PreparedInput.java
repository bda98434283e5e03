package org.open12345.hotline.routing;

import java.util.Locale;

/** A routing input with the work every rule would repeat done once: lower-casing, area lookup. */
final class PreparedInput {
  final RoutingInput in;
  final String text;
  /** The description as free-text matchers read it (see {@link TextNormalizer}). */
  final String normalized;
  /** Index of the ticket's area in the department tree, -1 when absent or unknown. */
  final int areaIndex;
  final int[] areaAncestors;
  final Department area;
  final int minute;
  private final Department[] ancestors;

  PreparedInput(RoutingInput in, DepartmentTree tree) {
    this.in = in;
    this.text = in.description() == null ? "" : in.description().toLowerCase(Locale.ROOT);
    this.normalized = TextNormalizer.normalize(in.description());
    this.area = tree.resolveArea(in.area()).orElse(null);
    this.areaIndex = area == null ? -1 : tree.indexOf(area.id());
    this.areaAncestors = areaIndex < 0 ? new int[0] : tree.ancestorIndexes(areaIndex);
    this.ancestors = new Department[areaAncestors.length];
    this.minute = in.timeOfDay() == null ? -1 : in.timeOfDay().getHour() * 60 + in.timeOfDay().getMinute();
  }

  /** The department at a tree index that is one of the area's ancestors (looked up once). */
  Department ancestor(int treeIndex, DepartmentTree tree) {
    for (int k = 0; k < areaAncestors.length; k++) {
      if (areaAncestors[k] == treeIndex) {
        if (ancestors[k] == null) {
          ancestors[k] = tree.byIndex(treeIndex);
        }
        return ancestors[k];
      }
    }
    throw new IllegalArgumentException("not an ancestor: " + treeIndex);
  }
}
