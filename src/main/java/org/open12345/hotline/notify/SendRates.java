package org.open12345.hotline.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.notify.policy.SendRate;

/**
 * The send rate of each channel, from {@code messaging.<channel>.max_per_second} (0 or absent:
 * no limit). The bucket is keyed by channel and provider ({@code sms:aliyun},
 * {@code mail:smtp.example.gov.cn}), since the limit is the provider's: switching provider starts
 * a fresh bucket.
 */
public final class SendRates {
  /** The channels whose config section may carry a rate. */
  static final List<String> CHANNELS = List.of("sms", "mail", "wecom", "dingtalk", "webhook");
  static final String KEY = "max_per_second";

  private final Map<String, SendRate> byChannel;

  private SendRates(Map<String, SendRate> byChannel) {
    this.byChannel = Collections.unmodifiableMap(byChannel);
  }

  public static SendRates none() {
    return new SendRates(Map.of());
  }

  public static SendRates of(Map<String, SendRate> byChannel) {
    return new SendRates(new LinkedHashMap<>(byChannel));
  }

  public static SendRates from(ConfigSection messaging) {
    Map<String, SendRate> rates = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      if (!messaging.has(channel)) {
        continue;
      }
      ConfigSection section = messaging.section(channel);
      double perSecond = number(section, KEY);
      if (perSecond < 0) {
        throw new IllegalArgumentException(section.path() + "." + KEY + " cannot be negative: " + perSecond);
      }
      if (perSecond > 0) {
        rates.put(channel, new SendRate(bucket(channel, section), perSecond));
      }
    }
    return new SendRates(rates);
  }

  private static String bucket(String channel, ConfigSection section) {
    return switch (channel) {
      case "sms" -> "sms:" + section.string("provider", "log");
      case "mail" -> "mail:" + section.string("host", "localhost");
      default -> channel;
    };
  }

  private static double number(ConfigSection section, String key) {
    String text = section.string(key, "0").trim();
    try {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException(text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(section.path() + "." + key + " must be a number (messages per second), got "
          + text);
    }
  }

  public Optional<SendRate> forChannel(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  public Map<String, SendRate> all() {
    return byChannel;
  }
}
