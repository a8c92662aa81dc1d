package dev.listeningpost.digest.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.Items;
import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.feedback.trends.ThemeTrends;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatWorkedSectionTest {
  private final WhatWorkedSection section = new WhatWorkedSection();
  private final WhatWorkedSection.Model m = section.compute(SeededWeek.data()).orElseThrow();

  @Test
  void staffPostsAndCampaignsRankedByMemberReplies() {
    assertEquals(2, m.worked().size());
    WhatWorkedSection.Row pricing = m.worked().get(0);
    assertEquals("We changed our pricing, details inside", pricing.post().text());
    assertEquals(12, pricing.memberReplies());
    assertEquals(0, pricing.memberToMember());
    WhatWorkedSection.Row darkmode = m.worked().get(1);
    assertEquals("#darkmode", darkmode.label());
    assertEquals(1, darkmode.memberReplies());
    assertEquals(1, darkmode.memberToMember());
    assertEquals(1, darkmode.mentions());
  }

  @Test
  void thoseThatDrewNoneAreListed() {
    assertEquals(2, m.silentCount());
    assertEquals("Check our status page", m.silent().get(0).post().text(), "the brand account's post");
    WhatWorkedSection.Row export = m.silent().get(1);
    assertEquals("export", export.label());
    assertEquals(4, export.mentions(), "keywords match whole words in customer messages");
  }

  @Test
  void withoutConfiguredCampaignsTheWeeksHashtagsStandIn() {
    PeriodData d = new PeriodData(new PeriodFeedback(SeededWeek.W47, List.of(
        Items.post("1", SeededWeek.ADA, SeededWeek.at(1, 1), "#launch looks great"),
        Items.post("2", SeededWeek.MAX, SeededWeek.at(1, 2), "#launch and #bugs")), List.of(), List.of(),
        SeededWeek.NOW), new ComposeOptions(3, Duration.ofHours(48), 8), ThemeLabels.NONE, CustomerVoice.STAFF_ONLY,
        ThemeTrends.DEFAULT);
    assertEquals(List.of("#launch", "#bugs"), WhatWorkedSection.campaigns(d));
    WhatWorkedSection.Model hashtags = section.compute(d).orElseThrow();
    assertEquals(2, hashtags.silent().get(0).mentions(), "a share of real mentions, not 0%");
  }

  @Test
  void renders() {
    StringBuilder text = new StringBuilder();
    section.text(m, Detail.FULL, text);
    assertTrue(text.toString().contains("12 member replies, 0 member-to-member"), text.toString());
    assertTrue(text.toString().contains("Drew no member replies: \u201cCheck our status page\u201d, export"),
        text.toString());
  }
}
