package io.brokkr.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A Redis address as Redisson takes it: {@code redis://} or {@code rediss://} (TLS), a host, a port,
 * optionally {@code user:password@}.
 *
 * @param text the URL as given
 * @param tls whether it is {@code rediss://}
 */
record RedisUrl(String text, boolean tls) {

  /** The URL without its password, to name it in messages. */
  String shown() {
    return text.replaceFirst("//([^/@:]*):[^/@]*@", "//$1:***@");
  }

  static RedisUrl parse(String text) {
    String hint = "; write redis://HOST:PORT, or rediss://HOST:PORT for TLS";
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new TypeConversionException("\"" + text + "\" is not a Redis URL (" + e.getReason() + ")" + hint);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
      throw new TypeConversionException("\"" + text + "\" is not a Redis URL: it must start with redis:// or rediss://" + hint);
    }
    if (uri.getHost() == null) {
      throw new TypeConversionException("\"" + text + "\" is not a Redis URL: it names no host" + hint);
    }
    if (uri.getPort() < 1) {
      throw new TypeConversionException("\"" + text + "\" is not a Redis URL: it names no port" + hint);
    }
    return new RedisUrl(text.trim(), scheme.equals("rediss"));
  }

  /** Reads {@code --redis}. */
  static final class Converter implements ITypeConverter<RedisUrl> {
    @Override
    public RedisUrl convert(String text) {
      return parse(text);
    }
  }
}
