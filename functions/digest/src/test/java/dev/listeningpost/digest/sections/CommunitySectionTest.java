package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommunitySectionTest {
  private final CommunitySection section = new CommunitySection();
  private final CommunitySection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void memberToMemberShareOfReplies() {
    assertEquals(15, m.replies());
    assertEquals(13, m.memberReplies());
    assertEquals(1, m.memberToMember());
    assertFalse(m.community(), "staff carry the conversation");
  }

  @Test
  void trendOverTheLastEightWeeksEndsWithThisOne() {
    assertEquals(8, m.trend().size());
    assertEquals("2026-W40", m.trend().get(0).periodId());
    assertEquals("2026-W47", m.trend().get(7).periodId());
    assertEquals(0.5, m.trend().get(0).share(), 1e-9, "two member and two staff replies a week before");
    assertEquals(1 / 15.0, m.trend().get(7).share(), 1e-9);
  }

  @Test
  void conversationsBetweenMembersWorthReading() {
    assertEquals(1, m.conversations().size());
    assertEquals("Is there a dark mode? #darkmode", m.conversations().get(0).start().text());
    assertEquals(1, m.conversations().get(0).members());
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("W47: 7%"), text.toString());
    assertTrue(text.toString().contains("1 member reply from 1 member"));
  }
}
