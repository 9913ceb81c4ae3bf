package dev.gatehouse.protocol.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverySlotsTest {

  @Test
  void whenAClientHasAllItsSlots_thenItWaitsAndTheOthersDoNot() {
    DeliverySlots slots = new DeliverySlots(5, 2);
    assertTrue(slots.take("black-hole"));
    assertTrue(slots.take("black-hole"));
    assertFalse(slots.take("black-hole"), "a third would queue behind the two that hang");
    assertEquals(Set.of("black-hole"), slots.fullClients());
    assertTrue(slots.take("working"), "another client still gets a sender");
    assertEquals(2, slots.free());
  }

  @Test
  void whenTheNodeHasAllItsSlots_thenNoOneStartsUntilOneIsGivenBack() {
    DeliverySlots slots = new DeliverySlots(3, 2);
    assertTrue(slots.take("a"));
    assertTrue(slots.take("b"));
    assertTrue(slots.take("c"));
    assertFalse(slots.take("d"));
    assertEquals(0, slots.free());
    slots.give("b");
    assertTrue(slots.take("d"));
    assertEquals(Set.of(), slots.fullClients());
  }

  @Test
  void whenASlotIsGivenBack_thenTheClientMayStartAgain() {
    DeliverySlots slots = new DeliverySlots(4, 1);
    assertTrue(slots.take("a"));
    assertFalse(slots.take("a"));
    slots.give("a");
    assertTrue(slots.take("a"));
    assertThrows(IllegalStateException.class, () -> slots.give("never-taken"));
    assertThrows(IllegalArgumentException.class, () -> new DeliverySlots(1, 2));
  }
}
