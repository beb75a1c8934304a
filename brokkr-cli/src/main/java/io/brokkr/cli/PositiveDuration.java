package io.brokkr.cli;

import io.brokkr.dsl.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option above zero, written as Brokkr writes durations: 500ms, 10s, 2m, 1h, 1d or PT10S. */
final class PositiveDuration implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("\"" + text + "\" is not a duration above zero");
    }
    return duration;
  }
}
