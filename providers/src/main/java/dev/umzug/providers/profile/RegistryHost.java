package dev.umzug.providers.profile;

import dev.umzug.engine.spi.Confidence;
import java.util.regex.Pattern;

/**
 * A container registry host pattern.
 *
 * @param name human name, e.g. {@code AWS ECR}
 * @param pattern a regular expression for the whole host
 * @param confidence how sure the fact is
 */
public record RegistryHost(String name, Pattern pattern, Confidence confidence) {

  public RegistryHost {
    Facts.required(name, "registries.hosts[].name");
    Facts.required(pattern, "registries.hosts[].pattern");
    Facts.required(confidence, "registries.hosts[].confidence");
  }

  public boolean matches(String host) {
    return pattern.matcher(host).matches();
  }
}
