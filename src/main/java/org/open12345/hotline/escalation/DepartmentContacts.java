package org.open12345.hotline.escalation;

import java.util.List;
import java.util.Optional;

/** Who to tell about a department's tickets; routing's department directory implements it. */
public interface DepartmentContacts {

  Optional<Contacts> of(String departmentId);

  /**
   * @param mail the department's duty mailboxes
   * @param leaders addresses of its escalation contacts, by ladder level (index 0 = level 1)
   * @param parent the department above it, or null at the top
   * @param mobiles its duty phones that can receive an SMS (mainland mobiles)
   * @param robots how many group robots it has (addressed {@code <id>#1..n} on the department-robot channel)
   */
  record Contacts(String departmentId, String name, List<String> mail, List<List<String>> leaders, String parent,
      List<String> mobiles, int robots) {

    public Contacts {
      mail = List.copyOf(mail);
      leaders = leaders.stream().map(List::copyOf).toList();
      mobiles = List.copyOf(mobiles);
    }

    public Contacts(String departmentId, String name, List<String> mail, List<List<String>> leaders, String parent) {
      this(departmentId, name, mail, leaders, parent, List.of(), 0);
    }

    /** Whether a notice to the department can reach it at all. */
    public boolean reachable() {
      return !mail.isEmpty() || !mobiles.isEmpty() || robots > 0;
    }

    /** The escalation contacts for a ladder level ≥ 1; the highest configured level beyond it. */
    public List<String> escalationContacts(int level) {
      if (leaders.isEmpty() || level < 1) {
        return List.of();
      }
      return leaders.get(Math.min(level, leaders.size()) - 1);
    }
  }

  /**
   * Placeholder until routing's directory is wired: every department has one mailbox
   * {@code <id>@example.gov.cn} and a leaders' box {@code <id>-leaders@example.gov.cn}, and no parent.
   */
  static DepartmentContacts placeholder() {
    return id -> id == null
        ? Optional.empty()
        : Optional.of(new Contacts(id, id, List.of(id + "@example.gov.cn"),
            List.of(List.of(id + "-leaders@example.gov.cn")), null));
  }
}
