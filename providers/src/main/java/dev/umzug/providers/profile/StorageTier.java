package dev.umzug.providers.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A performance tier of block storage, the common ground between providers' storage classes. */
public enum StorageTier {
  HDD("hdd"),
  SSD("ssd"),
  HIGH_IOPS("high-iops");

  private final String label;

  StorageTier(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static StorageTier parse(String text) {
    for (StorageTier t : values()) {
      if (t.label.equals(text.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown storage tier '" + text + "' (hdd, ssd, high-iops)");
  }

  /** Tiers to try when this one is wanted, nearest first: never silently slower if faster exists. */
  public List<StorageTier> preference() {
    return switch (this) {
      case HDD -> List.of(HDD, SSD, HIGH_IOPS);
      case SSD -> List.of(SSD, HIGH_IOPS, HDD);
      case HIGH_IOPS -> List.of(HIGH_IOPS, SSD, HDD);
    };
  }
}
