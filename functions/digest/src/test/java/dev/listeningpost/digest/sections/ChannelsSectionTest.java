package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelsSectionTest {
  private final ChannelsSection section = new ChannelsSection();
  private final ChannelsSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void aChannelActiveBeforeAndSilentNowIsFlaggedFirst() {
    ChannelsSection.Row forum = m.channels().get(0);
    assertEquals("forum", forum.channel());
    assertTrue(forum.silent());
    assertEquals(1, forum.messages());
    assertEquals(15, forum.previous());
    assertEquals(15, forum.usual());
    assertTrue(section.note(m).startsWith("Silent: forum"));
  }

  @Test
  void mixAndChangeOfCustomerMessages() {
    ChannelsSection.Row slack = m.channels().get(1);
    assertEquals("slack", slack.channel());
    assertEquals(32, slack.messages(), "staff and brand posts are not customer messages");
    assertEquals(15, slack.previous());
    assertEquals(32 / 33.0, slack.share(), 1e-9);
    assertFalse(slack.silent());
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("  forum: 1 (3%, -93% vs 15) SILENT: usually 15\n"), text.toString());
  }
}
