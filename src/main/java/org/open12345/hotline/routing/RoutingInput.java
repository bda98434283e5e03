package org.open12345.hotline.routing;

import java.time.LocalTime;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * What routing looks at in a ticket draft. Every field may be null; a rule that tests a null field
 * does not match.
 *
 * @param categoryCode six-digit category code
 * @param area the ticket's administrative area: a department id (e.g. hhht.xincheng.dongjie) or an
 *     area code (e.g. 150102)
 * @param calledNumber the hotline number the citizen dialled or texted (12345, 12315, ...)
 * @param timeOfDay local time of intake, for time-of-day windows
 */
public record RoutingInput(
    String categoryCode,
    RequestType type,
    Urgency urgency,
    String description,
    String area,
    Channel channel,
    String calledNumber,
    LocalTime timeOfDay) {

  public static Builder builder() {
    return new Builder();
  }

  /** Builder so callers name only the fields they have. */
  public static final class Builder {
    private String categoryCode;
    private RequestType type;
    private Urgency urgency;
    private String description;
    private String area;
    private Channel channel;
    private String calledNumber;
    private LocalTime timeOfDay;

    public Builder category(String code) {
      this.categoryCode = code;
      return this;
    }

    public Builder type(RequestType type) {
      this.type = type;
      return this;
    }

    public Builder urgency(Urgency urgency) {
      this.urgency = urgency;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder area(String area) {
      this.area = area;
      return this;
    }

    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    public Builder called(String number) {
      this.calledNumber = number;
      return this;
    }

    public Builder time(LocalTime time) {
      this.timeOfDay = time;
      return this;
    }

    public RoutingInput build() {
      return new RoutingInput(categoryCode, type, urgency, description, area, channel, calledNumber, timeOfDay);
    }
  }
}
