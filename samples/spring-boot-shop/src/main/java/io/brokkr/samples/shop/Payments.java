package io.brokkr.samples.shop;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** Charges cards; a card that starts with "0000" is declined. Refunds by the charge's id. */
@Service
public class Payments {
  private final Set<String> charges = ConcurrentHashMap.newKeySet();

  /** Charges the card; the idempotency key makes a retried charge the same charge. */
  String charge(String card, int cents, String key) {
    if (card.startsWith("0000")) {
      throw new IllegalStateException("card " + card + " declined");
    }
    String charge = "charge-" + key;
    charges.add(charge);
    return charge;
  }

  /** Refunds a charge; refunding it again changes nothing. */
  void refund(String charge) {
    charges.remove(charge);
  }

  /** {@return how many charges stand} */
  int standing() {
    return charges.size();
  }
}
