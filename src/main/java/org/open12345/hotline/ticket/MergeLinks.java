package org.open12345.hotline.ticket;

import java.util.List;

/**
 * A ticket's 并案 links, shown on both sides.
 *
 * @param masterNumber the ticket this one is merged into, or null
 * @param mergedNumbers the tickets merged into this one (empty when none)
 */
public record MergeLinks(String masterNumber, List<String> mergedNumbers) {
  public static final MergeLinks NONE = new MergeLinks(null, List.of());

  public MergeLinks {
    mergedNumbers = List.copyOf(mergedNumbers);
  }
}
