package dev.listeningpost.local.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterOverridesTest {

  @Test
  void quotedValuesKeepTheirSpaces() {
    assertEquals(Map.of("DigestSchedule", "cron(0 8 ? * MON *)", "TimeZone", "Europe/Paris"),
        ParameterOverrides.parse("DigestSchedule=\"cron(0 8 ? * MON *)\"  TimeZone=Europe/Paris"));
  }

  @Test
  void theLongFormIsAccepted() {
    assertEquals(Map.of("TimeZone", "UTC"), ParameterOverrides.parse("ParameterKey=TimeZone,ParameterValue=UTC"));
  }

  @Test
  void aPairWithoutAKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ParameterOverrides.parse("=x"));
    assertThrows(IllegalArgumentException.class, () -> ParameterOverrides.parse("TimeZone"));
    assertThrows(IllegalArgumentException.class, () -> ParameterOverrides.parse("A=\"open"));
  }
}
