package org.open12345.hotline.ticket;

/**
 * A ticket as an intake channel or an operator describes it, before it has a number.
 *
 * @param areaCode the department id of the district/township where the matter is, when known;
 *     routing uses it for regional rules
 * @param hotlineNumber the number the citizen called or texted (12345, or a merged hotline's)
 * @param callId the telephony platform's call id when an operator records a ticket during a call
 * @param confidential the citizen asked that the handling department not see their phone and name
 *     (保密): departments read them masked
 */
public record NewTicket(
    Channel channel,
    String citizenPhone,
    String citizenName,
    RequestType requestType,
    Urgency urgency,
    String categoryCode,
    String locationText,
    Double latitude,
    Double longitude,
    String areaCode,
    String description,
    String hotlineNumber,
    String callId,
    boolean confidential) {

  public NewTicket {
    if (channel == null || citizenPhone == null || requestType == null || description == null) {
      throw new IllegalArgumentException("channel, citizen phone, request type and description are required");
    }
    if (urgency == null) {
      urgency = Urgency.NORMAL;
    }
  }

  /** A ticket whose requester did not ask for confidentiality. */
  public NewTicket(Channel channel, String citizenPhone, String citizenName, RequestType requestType, Urgency urgency,
      String categoryCode, String locationText, Double latitude, Double longitude, String areaCode, String description,
      String hotlineNumber, String callId) {
    this(channel, citizenPhone, citizenName, requestType, urgency, categoryCode, locationText, latitude, longitude,
        areaCode, description, hotlineNumber, callId, false);
  }
}
