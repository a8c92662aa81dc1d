package dev.listeningpost.digest.render;

import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worst-case week for size and time: {@code n} items over {@code themes} themes, long texts that
 * escape to several characters each, 10% staff, a third replies, two channels, eight weeks of history.
 */
final class BusyWeek {
  static final ReportingPeriod WEEK = ReportingPeriod.parse("2026-W47", java.time.ZoneOffset.UTC);
  private static final String WORST = "<&>\"' ".repeat(60);

  private BusyWeek() {
  }

  static PeriodFeedback of(int n, int themes) {
    List<PeriodSummary> history = new ArrayList<>();
    ReportingPeriod p = WEEK;
    for (int i = 0; i < PeriodFeedback.HISTORY_PERIODS; i++) {
      p = p.previous();
      history.add(PeriodSummary.of(p, items(p, n / 2, themes, "h" + i + "-"), CustomerVoice.STAFF_ONLY));
    }
    return new PeriodFeedback(WEEK, items(WEEK, n, themes, ""), List.of(), WEEK.end().plus(Duration.ofHours(6)),
        history);
  }

  static List<Feedback> items(ReportingPeriod week, int n, int themes, String prefix) {
    List<Feedback> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean staff = i % 10 == 0;
      int person = i % 5000;
      Feedback.Author a = new Feedback.Author("U" + person, "user" + person,
          "Member With A Long Display Name " + person, staff);
      String parent = i % 3 == 0 && i > 0 ? prefix + "slack-" + (i - 1) : null;
      String text = (i % 7 == 0 ? "How do I fix this? " : "") + WORST + " #tag" + (i % 30);
      out.add(Feedback.builder().id(prefix + "slack-" + i).channel(i % 4 == 0 ? "github" : "slack").workspace("T1")
          .sourceId(prefix + "s" + i).kind(parent == null ? Feedback.Kind.POST : Feedback.Kind.REPLY)
          .text(text).hashtags(List.of("tag" + (i % 30))).author(a)
          .thread(new Feedback.ThreadRef(prefix + "t" + (i / 3), parent,
              parent == null ? null : "U" + ((i - 1) % 5000)))
          .permalink("https://example.slack.com/archives/C0123456789/p" + (1_700_000_000_000_000L + i)
              + "?thread_ts=" + i + "&cid=C0123456789")
          .createdAt(week.start().plusSeconds(i % 600_000L))
          .enrichment(new Feedback.Enrichment((i % 5 - 2) / 2.0, null, null, "theme-" + (i % themes),
              week.start().plusSeconds(i % 600_000L)))
          .build());
    }
    return out;
  }
}
