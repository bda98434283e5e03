package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.web.JsonFields;

/** Turns the JSON body of {@code POST /api/tickets} into a {@link NewTicket}, naming any bad field. */
public final class NewTicketParser {
  private static final Set<String> FIELDS = Set.of("channel", "citizen_phone", "citizen_name", "request_type",
      "urgency", "category_code", "location", "latitude", "longitude", "area_code", "description",
      "hotline_number", "call_id", "confidential");
  /** Mainland mobiles, landlines with area code, and +86 forms; separators allowed. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
  private static final Pattern CATEGORY = Pattern.compile("\\d{2,6}");
  public static final int MAX_DESCRIPTION = 4000;

  private NewTicketParser() {}

  public static NewTicket parse(JsonObject body, Channel defaultChannel) {
    JsonFields f = new JsonFields(body).onlyKnown(FIELDS);
    Channel channel = f.optionalEnum("channel", Channel.values(), Channel::parse);
    String phone = f.requiredText("citizen_phone", 32);
    if (!PHONE.matcher(phone).matches()) {
      throw new InvalidField("citizen_phone", "is not a phone number");
    }
    String category = f.optionalText("category_code", 6);
    if (category != null && !CATEGORY.matcher(category).matches()) {
      throw new InvalidField("category_code", "must be 2 to 6 digits");
    }
    Double lat = f.optionalNumber("latitude", -90, 90);
    Double lon = f.optionalNumber("longitude", -180, 180);
    if ((lat == null) != (lon == null)) {
      throw new InvalidField(lat == null ? "latitude" : "longitude", "latitude and longitude go together");
    }
    Object confidential = body.getValue("confidential");
    if (confidential != null && !(confidential instanceof Boolean)) {
      throw new InvalidField("confidential", "must be true or false");
    }
    return new NewTicket(
        channel == null ? defaultChannel : channel,
        PhoneNumbers.normalize(phone),
        f.optionalText("citizen_name", 64),
        f.requiredEnum("request_type", RequestType.values(), RequestType::parse),
        f.optionalEnum("urgency", Urgency.values(), Urgency::parse),
        category,
        f.optionalText("location", 500),
        lat,
        lon,
        f.optionalText("area_code", 64),
        f.requiredText("description", MAX_DESCRIPTION),
        f.optionalText("hotline_number", 32),
        f.optionalText("call_id", 128),
        Boolean.TRUE.equals(confidential));
  }
}
