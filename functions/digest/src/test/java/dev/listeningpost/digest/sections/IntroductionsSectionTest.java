package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntroductionsSectionTest {
  private final IntroductionsSection section = new IntroductionsSection();

  @Test
  void pairsMembersWhoRaisedTheSameThemeLargestThemeFirst() {
    IntroductionsSection.Model m = section.compute(SeededWeek.data()).orElseThrow();
    assertEquals(List.of("Billing: Max Planck + Replier 0", "Login: Poster 0 + Poster 1"),
        m.introductions().stream().map(i -> i.theme() + ": " + i.first().name() + " + " + i.second().name()).toList());
    assertEquals("Why was I charged twice?", m.introductions().get(0).first().message().text());
  }

  @Test
  void membersWhoAlreadyTalkedAreNotIntroduced() {
    Feedback a = theme(Items.post("a", SeededWeek.ADA, SeededWeek.at(1, 1), "export breaks"));
    Feedback b = theme(Items.post("b", SeededWeek.MAX, SeededWeek.at(1, 2), "export is slow"));
    Feedback answer = theme(Items.reply("c", SeededWeek.MAX, SeededWeek.at(1, 3), "same here, export", a));
    Feedback c = theme(Items.post("d", SeededWeek.LIN, SeededWeek.at(1, 4), "export fails"));
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, List.of(a, b, answer, c), List.of(), List.of(),
        SeededWeek.NOW), SeededWeek.OPTIONS, ThemeLabels.NONE, CustomerVoice.STAFF_ONLY, ThemeTrends.DEFAULT);
    IntroductionsSection.Introduction i = section.compute(d).orElseThrow().introductions().get(0);
    assertEquals("Ada Lovelace + Lin Yutang", i.first().name() + " + " + i.second().name(), "Max already answered Ada");
    StringBuilder text = new StringBuilder();
    section.text(section.compute(d).orElseThrow(), Detail.FULL, text);
    assertTrue(text.toString().contains("Ada Lovelace (@ada) and Lin Yutang (@lin) (slack): both wrote about Theme t-export"),
        text.toString());
  }

  private static Feedback theme(Feedback f) {
    return Items.withSentiment(f, -0.4, "negative", "t-export");
  }
}
