package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingSectionTest {
  private final WaitingSection section = new WaitingSection();
  private final WaitingSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void countsPeopleAndMessagesAndLateAnswers() {
    assertEquals(4, m.messages());
    assertEquals(3, m.people());
    assertEquals(1, m.late(), "Bob was answered after 60 h");
  }

  @Test
  void urgentFirstWithRepeatedMessagesGrouped() {
    assertEquals(List.of("Ada Lovelace", "Lin Yutang", "Max Planck"),
        m.urgent().stream().map(WaitingSection.Person::name).toList());
    WaitingSection.Person ada = m.urgent().get(0);
    assertEquals(2, ada.messages());
    assertTrue(ada.complaint());
    assertEquals("ada", ada.handle());
    assertEquals("slack", ada.channel());
    assertEquals("Still can't export, this is frustrating", ada.message().text(), "the complaint is the one to open");
    assertEquals(Duration.between(SeededWeek.at(1, 10), SeededWeek.NOW), ada.waited(), "since her oldest message");
    assertFalse(m.urgent().get(2).complaint());
  }

  @Test
  void praiseAndThanksNeedNoAnswer() {
    assertTrue(m.urgent().stream().noneMatch(p -> p.name().startsWith("Zoe")));
    assertFalse(Answers.isQuestion("Thanks, love the new dashboard!"));
    assertTrue(Answers.isQuestion("@acme how do I export"));
    assertTrue(Answers.isQuestion("anyone there?"));
  }

  @Test
  void linksTheFullListUnderThePublicBaseUrl() {
    assertEquals("https://digest.example.com/digests/2026-W47/waiting", m.fullListUrl());
  }

  @Test
  void withoutABaseUrlThereIsNoFullListLink() {
    List<Feedback> items = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      items.add(Items.post("q" + i, SeededWeek.member("Q" + i, "q" + i, "Q" + i), SeededWeek.at(0, i), "How? " + i));
    }
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, items, List.of(), List.of(), SeededWeek.NOW),
        new ComposeOptions(3, Duration.ofHours(48), 8), ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        ThemeTrends.DEFAULT);
    WaitingSection.Model many = section.compute(d).orElseThrow();
    assertNull(many.fullListUrl());
    assertEquals(12, many.people());
    assertEquals(8, many.urgent().size());
    StringBuilder text = new StringBuilder();
    section.text(many, new Detail(3, 0), text);
    assertTrue(text.toString().contains("and 9 more people\n"), text.toString());
  }

  @Test
  void rendersNameHandleChannelAgeAndLink() {
    StringBuilder html = new StringBuilder();
    section.html(m, Detail.FULL, html);
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("Ada Lovelace @ada \u00b7 slack \u00b7 2 messages \u00b7 complaint \u00b7 waiting"),
        text.toString());
    assertTrue(html.toString().contains("href=\"https://example.slack.com/archives/C1/padaq2\""), html.toString());
    assertTrue(section.note(m).startsWith("4 questions and complaints from 3 people without a reply after 2 d"));
  }
}
