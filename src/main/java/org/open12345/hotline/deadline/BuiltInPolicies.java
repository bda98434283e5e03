package org.open12345.hotline.deadline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * The shipped defaults of docs/domain.md until routing's policy file is wired. The table there
 * sets respond and resolve; the sign spans are this project's choice (docs/deadlines.md,
 * "Shipped policies"): signing is a click, so it gets a fraction of the respond time.
 */
public final class BuiltInPolicies implements PolicyCatalog {

  public static final String URGENT = "urgent";
  public static final String UTILITIES = "utilities";
  public static final String ORDINARY = "ordinary";
  public static final String COMPLEX = "complex";
  public static final String CONSULT = "consult";

  private final Map<String, DeadlinePolicy> policies = new LinkedHashMap<>();

  public BuiltInPolicies() {
    add(URGENT, "30m", "2h", "24h", "30m", "2h");
    add(UTILITIES, "30m", "2h", "24h", "30m", "2h");
    add(ORDINARY, "2h", "24h", "7d", "24h", null);
    add(COMPLEX, "2h", "24h", "15wd", "1wd", null);
    add(CONSULT, "2h", "0wd", "3wd", "1wd", null);
  }

  private void add(String name, String sign, String respond, String resolve, String warn, String escalate) {
    policies.put(name, new DeadlinePolicy(name, TimeSpan.parse(sign), TimeSpan.parse(respond),
        TimeSpan.parse(resolve), warn == null ? null : TimeSpan.parse(warn),
        escalate == null ? null : TimeSpan.parse(escalate)));
  }

  @Override
  public Optional<DeadlinePolicy> byName(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /** Critical/urgent → urgent; consult/help → consult; everything else → ordinary. */
  @Override
  public DeadlinePolicy defaultFor(Urgency urgency, RequestType type) {
    if (urgency == Urgency.CRITICAL || urgency == Urgency.URGENT) {
      return policies.get(URGENT);
    }
    if (type == RequestType.CONSULT || type == RequestType.HELP) {
      return policies.get(CONSULT);
    }
    return policies.get(ORDINARY);
  }
}
