package org.open12345.hotline.notify;

import java.util.Optional;

/**
 * Where the departments' own group robots are: the webhook URLs in the routing rule files
 * ({@code departments.yaml}, {@code webhooks}). The outbox addresses one as
 * {@code <department id>#<n>} (n from 1) and the URL, which carries the robot's key, is looked up
 * when the message is sent: it never enters the outbox table, and a rule change applies to
 * messages still waiting.
 */
public interface DepartmentRobots {
  /** The recipient name of a department's n-th robot (from 1). */
  static String recipient(String departmentId, int n) {
    return departmentId + "#" + n;
  }

  Optional<String> url(String departmentId, int n);
}
