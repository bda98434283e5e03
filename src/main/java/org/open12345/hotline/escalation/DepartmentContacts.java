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
   */
  record Contacts(String departmentId, String name, List<String> mail, List<List<String>> leaders, String parent) {

    public Contacts {
      mail = List.copyOf(mail);
      leaders = leaders.stream().map(List::copyOf).toList();
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
