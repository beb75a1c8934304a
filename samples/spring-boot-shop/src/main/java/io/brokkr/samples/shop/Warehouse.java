package io.brokkr.samples.shop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The stock of the shop: reservations take items out, releases put them back. */
@Service
public class Warehouse {
  private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("hammer", 10, "anvil", 2, "tongs", 5));

  /** Takes {@code quantity} items out of stock; fails when there are not enough. */
  String reserve(String item, int quantity, String key) {
    stock.compute(item, (name, left) -> {
      int have = left == null ? 0 : left;
      if (have < quantity) {
        throw new IllegalStateException("only " + have + " " + item + " left, " + quantity + " wanted");
      }
      return have - quantity;
    });
    return "reservation-" + key;
  }

  /** Puts the items of a reservation back. */
  void release(String item, int quantity) {
    stock.merge(item, quantity, Integer::sum);
  }

  /** {@return how many of the item are in stock} */
  int left(String item) {
    return stock.getOrDefault(item, 0);
  }
}
