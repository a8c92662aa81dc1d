package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdvocatesSectionTest {
  private final AdvocatesSection section = new AdvocatesSection();
  private final AdvocatesSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void answersToMembersFirstThenPositiveThenStreakAndNeverStaffOrBrand() {
    assertEquals(List.of("Grace Hopper", "Fay Forum", "Zoe Saldana"),
        m.advocates().stream().map(AdvocatesSection.Advocate::name).toList());
  }

  @Test
  void saysWhatTheyDid() {
    AdvocatesSection.Advocate grace = m.advocates().get(0);
    assertEquals(1, grace.answers());
    assertEquals(1, grace.positive());
    assertEquals(3, grace.streak());
    assertEquals("grace", grace.handle());
    assertEquals("https://example.slack.com/archives/C1/pzoea", grace.link(), "her answer to Zoe");
    assertEquals(9, m.advocates().get(1).streak(), "Fay posted on the forum every week");
    assertEquals("answered 1 member, 1 positive message, 3 weeks in a row", AdvocatesSection.did(grace));
  }

  @Test
  void rendersHandleAndLink() {
    StringBuilder html = new StringBuilder();
    section.html(m, Detail.FULL, html);
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(html.toString().contains(">Grace Hopper</a>"), html.toString());
    assertTrue(text.toString().contains("Grace Hopper @grace \u00b7 slack: answered 1 member"), text.toString());
  }
}
