package org.open12345.hotline.routing;

import java.util.List;
import java.util.Map;
import org.open12345.hotline.ticket.PhoneNumbers;

/**
 * A handling unit (承办单位): an area government, an agency or a public enterprise.
 *
 * @param parentId null only for the root of the tree
 * @param areaCode the administrative division code for areas (e.g. 150102), null otherwise
 * @param escalation contacts per escalation level 1..3 (missing levels are absent keys)
 * @param subCentre true when the department runs a sub-centre (分中心) of a merged hotline
 * @param callsBackOwnBadRatings whether the department makes the callbacks of its own 差评
 *     ({@code rating_callback: department}), not the centre; null = as its parent (the centre at the top)
 */
public record Department(
    String id,
    String name,
    DepartmentKind kind,
    String parentId,
    String areaCode,
    List<String> mail,
    List<String> phones,
    List<String> webhooks,
    Map<Integer, List<EscalationContact>> escalation,
    boolean subCentre,
    Boolean callsBackOwnBadRatings) {

  public Department {
    mail = List.copyOf(mail);
    phones = List.copyOf(phones);
    webhooks = List.copyOf(webhooks);
    escalation = Map.copyOf(escalation);
  }

  public List<EscalationContact> escalationContacts(int level) {
    return escalation.getOrDefault(level, List.of());
  }

  /** The duty phones an SMS notice can reach (mainland mobiles, normal form); landlines cannot. */
  public List<String> smsPhones() {
    return phones.stream().map(PhoneNumbers::normalize).filter(PhoneNumbers::isMainlandMobile).toList();
  }

  /** Whether a notice can reach the department at all: a mailbox, a robot or a duty mobile. */
  public boolean hasContact() {
    return !mail.isEmpty() || !webhooks.isEmpty() || !smsPhones().isEmpty();
  }
}
