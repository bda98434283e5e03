package org.open12345.hotline.intake.voice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The voice formats by their {provider} path segment. */
public final class CallEventFormats {
  private final Map<String, CallEventFormat> byProvider;

  /** @param ownNumbers the centre's numbers, which tell Aliyun reports' direction */
  public CallEventFormats(Set<String> ownNumbers) {
    this.byProvider =
        List.of(
                new GenericCtiFormat(),
                new AliyunVoiceReportFormat(ownNumbers),
                new HuaweiCallReleaseFormat())
            .stream()
            .collect(Collectors.toUnmodifiableMap(CallEventFormat::provider, Function.identity()));
  }

  public Optional<CallEventFormat> byProvider(String provider) {
    return Optional.ofNullable(provider == null ? null : byProvider.get(provider));
  }
}
