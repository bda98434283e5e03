package org.open12345.hotline.console;

import java.util.List;
import org.open12345.hotline.ticket.TicketStatus;

/** One tab of a queue page: its key in the URL, its Chinese title, the states it lists. */
record QueueTab(String key, String title, List<TicketStatus> states) {

  static QueueTab pick(List<QueueTab> tabs, String key) {
    return tabs.stream().filter(t -> t.key().equals(key)).findFirst().orElse(tabs.get(0));
  }
}
