package io.brokkr.samples.shop;

import org.springframework.stereotype.Service;

/** Ships parcels; anvils are too heavy for the carrier. */
@Service
public class Shipping {
  /** Ships the items; fails for anvils. */
  String ship(String item, int quantity, String key) {
    if (item.equals("anvil")) {
      throw new IllegalStateException("the carrier does not take anvils");
    }
    return "parcel-" + key;
  }
}
