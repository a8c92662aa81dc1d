package dev.listeningpost.digest.render;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: prints digest size and compose/render time for growing weeks, for
 * docs/performance/digest.md. Run:
 * {@code mvn -q -o -pl functions/digest exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.listeningpost.digest.render.DigestSizeReport}
 */
public final class DigestSizeReport {
  private DigestSizeReport() {
  }

  public static void main(String[] args) {
    ReportingPeriod week = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
    DigestCalculator calc = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE);
    DigestRenderer renderer = new DigestRenderer();
    System.out.println("| items | compose ms (median of 7) | render ms (median of 7) | HTML bytes | text bytes |");
    System.out.println("|---:|---:|---:|---:|---:|");
    for (int n : new int[] {100, 1_000, 10_000, 100_000}) {
      List<Feedback> items = items(week, n);
      PeriodFeedback data = new PeriodFeedback(week, items, items.subList(0, n / 2), List.of(),
          week.end().plus(Duration.ofHours(6)));
      double[] compose = new double[7];
      double[] render = new double[7];
      RenderedDigest r = null;
      for (int warm = 0; warm < 3; warm++) {
        renderer.render(calc.calculate(data));
      }
      for (int i = 0; i < 7; i++) {
        long t0 = System.nanoTime();
        Digest d = calc.calculate(data);
        long t1 = System.nanoTime();
        r = renderer.render(d);
        long t2 = System.nanoTime();
        compose[i] = (t1 - t0) / 1e6;
        render[i] = (t2 - t1) / 1e6;
      }
      System.out.printf("| %,d | %.1f | %.2f | %,d | %,d |%n", n, median(compose), median(render),
          r.html().getBytes(StandardCharsets.UTF_8).length, r.text().getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private static List<Feedback> items(ReportingPeriod week, int n) {
    List<Feedback> out = new ArrayList<>(n);
    String worst = "<&>\"' ".repeat(60);
    for (int i = 0; i < n; i++) {
      boolean staff = i % 10 == 0;
      Feedback.Author a = new Feedback.Author("U" + (i % 500), "user" + (i % 500), "Member " + (i % 500), staff);
      String parent = i % 3 == 0 && i > 0 ? "slack-" + (i - 1) : null;
      out.add(Feedback.builder().id("slack-" + i).channel(i % 4 == 0 ? "github" : "slack").workspace("T1")
          .sourceId("s" + i).kind(parent == null ? Feedback.Kind.POST : Feedback.Kind.REPLY)
          .text(worst + " #tag" + (i % 30)).hashtags(List.of("tag" + (i % 30))).author(a)
          .thread(new Feedback.ThreadRef("t" + (i / 3), parent, parent == null ? null : "U" + ((i - 1) % 500)))
          .permalink("https://example.slack.com/archives/C0123456789/p" + (1_700_000_000_000_000L + i))
          .createdAt(week.start().plusSeconds(i % 600_000L))
          .enrichment(new Feedback.Enrichment((i % 5 - 2) / 2.0, null, null, "theme-" + (i % 80), null))
          .build());
    }
    return out;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
