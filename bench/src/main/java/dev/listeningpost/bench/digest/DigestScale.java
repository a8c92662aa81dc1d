package dev.listeningpost.bench.digest;

import dev.listeningpost.bench.scale.ScaleStats;
import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.render.RenderedDigest;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Digest composition as volume grows: one week of {@code N} SYNTHETIC items (generated, not stored:
 * customers with a Zipf-like spread of activity, 10% staff answers, a third replies in threads,
 * questions, hashtags, four channels, sentiment, themes) and eight earlier weeks of N/2 items each,
 * summarised one week at a time as the composer reads them ({@link PeriodSummary}, not kept). Times
 * the composer's calculation ({@code DigestCalculator.calculate}, what {@code DigestComposer.compose}
 * does after the reads) and the rendering, and reports the heap the compose phase needed.
 *
 * <p>One size per JVM, so each size starts from the same heap: bench/scripts/scale-curves.sh runs
 * {@code java -Xmx... -cp bench/target/benchmarks.jar dev.listeningpost.bench.digest.DigestScale N}
 * for each N and collects the {@code RESULT} lines. Storage reads are not included (see
 * docs/performance/digest.md for read units measured against dynoxide).
 */
public final class DigestScale {
  static final ReportingPeriod WEEK = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
  private static final String[] CHANNELS = {"slack", "slack", "github", "discourse", "intercom"};
  private static final String[] WORDS = ("the app export report login page slow crash billing invoice dashboard search "
      + "filter csv upload sync mobile android ios settings password reset email notification team invite "
      + "permissions api webhook integration calendar timezone dark mode chart loading error timeout works great "
      + "love thanks broken again since update yesterday please fix when will this be how do I can you").split(" ");

  private DigestScale() {
  }

  public static void main(String[] args) {
    int n = Integer.parseInt(args.length > 0 ? args[0].replace("_", "") : "100000");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int themes = n >= 100_000 ? 200 : 80;
    DigestCalculator calc = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE);
    DigestRenderer renderer = new DigestRenderer();

    // Warm the code paths on a small week (JIT), so the curve is the composer's growth, not warm-up.
    long w0 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      renderer.render(calc.calculate(week(2_000, 80, i)));
    }
    double warmSeconds = (System.nanoTime() - w0) / 1e9;

    long g0 = System.nanoTime();
    PeriodFeedback data = week(n, themes, 42);
    double generateSeconds = (System.nanoTime() - g0) / 1e9;
    double inputMb = ScaleStats.retainedHeapMb();

    double best = Double.MAX_VALUE;
    double peak = 0;
    RenderedDigest rendered = null;
    double renderMs = 0;
    for (int r = 0; r < repeats; r++) {
      System.gc();
      ScaleStats.resetHeapPeaks();
      long t0 = System.nanoTime();
      Digest digest = calc.calculate(data);
      long t1 = System.nanoTime();
      peak = Math.max(peak, ScaleStats.peakHeapMb());
      rendered = renderer.render(digest);
      renderMs = (System.nanoTime() - t1) / 1e6;
      best = Math.min(best, (t1 - t0) / 1e9);
    }
    System.out.printf(Locale.ROOT, "digest compose: %,d week items (%d themes, %,d history items summarised), "
            + "warm-up %.1f s, generate %.1f s, input retained %.0f MB, compose %.2f s, render %.0f ms, HTML %,d bytes%n",
        n, themes, PeriodFeedback.HISTORY_PERIODS * (long) (n / 2), warmSeconds, generateSeconds, inputMb, best, renderMs,
        rendered.html().getBytes(StandardCharsets.UTF_8).length);
    ScaleStats.printResult("digest-compose", n, best, peak, inputMb);
    System.exit(0);
  }

  /** The week to compose: {@code n} items and the summaries of the eight weeks before it. */
  static PeriodFeedback week(int n, int themes, long seed) {
    List<PeriodSummary> history = new ArrayList<>();
    ReportingPeriod p = WEEK;
    for (int i = 0; i < PeriodFeedback.HISTORY_PERIODS; i++) {
      p = p.previous();
      // One week's items at a time, summarised and dropped, as DigestComposer reads history.
      history.add(PeriodSummary.of(p, items(p, n / 2, themes, "h" + i + "-", seed + i + 1), CustomerVoice.STAFF_ONLY));
    }
    return new PeriodFeedback(WEEK, items(WEEK, n, themes, "", seed), List.of(), WEEK.end().plus(Duration.ofHours(6)),
        history);
  }

  static List<Feedback> items(ReportingPeriod week, int n, int themes, String prefix, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int customers = Math.max(50, n / 20);
    Feedback.Author[] staff = new Feedback.Author[20];
    for (int s = 0; s < staff.length; s++) {
      staff[s] = new Feedback.Author("S" + s, "staff" + s, "Support Person " + s, true);
    }
    long weekSeconds = Duration.between(week.start(), week.end()).getSeconds();
    List<Feedback> out = new ArrayList<>(n);
    String[] authorOf = new String[n];
    for (int i = 0; i < n; i++) {
      boolean isStaff = r.nextInt(10) == 0;
      Feedback.Author a;
      if (isStaff) {
        a = staff[r.nextInt(staff.length)];
      } else {
        // A few customers write a lot, most write once or twice.
        int c = (int) (Math.pow(r.nextDouble(), 2.5) * customers);
        a = new Feedback.Author("U" + c, "user" + c, "Customer " + c, false);
      }
      authorOf[i] = a.id();
      // A third are replies to a recent message (staff answers among them), in that message's thread.
      int parent = i > 0 && (isStaff || r.nextInt(4) == 0) ? Math.max(0, i - 1 - r.nextInt(Math.min(i, 50))) : -1;
      boolean question = parent < 0 && r.nextInt(6) == 0;
      String channel = CHANNELS[(parent < 0 ? i : parent) % CHANNELS.length];
      String text = text(r, question);
      int theme = (int) (Math.pow(r.nextDouble(), 1.7) * themes);
      long at = Math.min(weekSeconds - 1, (long) i * weekSeconds / n + r.nextInt(60));
      List<String> tags = r.nextInt(8) == 0 ? List.of("tag" + r.nextInt(30)) : List.of();
      out.add(Feedback.builder().id(prefix + channel + "-" + i).channel(channel).workspace("T1")
          .sourceId(prefix + "s" + i).kind(parent < 0 ? Feedback.Kind.POST : Feedback.Kind.REPLY)
          .text(tags.isEmpty() ? text : text + " #" + tags.get(0)).hashtags(tags).author(a)
          .thread(new Feedback.ThreadRef(prefix + "t" + (parent < 0 ? i : parent), parent < 0 ? null : prefix + channel + "-" + parent,
              parent < 0 ? null : authorOf[parent]))
          .permalink("https://example.slack.com/archives/C0123456789/p" + (1_700_000_000_000_000L + i))
          .createdAt(week.start().plusSeconds(at))
          .enrichment(isStaff ? null : new Feedback.Enrichment(r.nextDouble() * 2 - 1, null, null, "theme-" + theme,
              week.start().plusSeconds(at + 30)))
          .build());
    }
    return out;
  }

  private static String text(SplittableRandom r, boolean question) {
    int words = 6 + (int) (Math.pow(r.nextDouble(), 2) * 70);
    StringBuilder b = new StringBuilder(words * 7);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        b.append(' ');
      }
      b.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return question ? b.append('?').toString() : b.append('.').toString();
  }
}
