package dev.listeningpost.digest.sections;


import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.digest.render.Format;
import dev.listeningpost.feedback.Feedback;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where customers spoke: customer messages per channel, their share and change vs the week before;
 * a channel that was active and fell silent is flagged (a broken integration looks exactly like that).
 */
@Singleton
public class ChannelsSection implements DigestSection<ChannelsSection.Model> {
  /** A channel counts as active with this many messages in a usual week... */
  static final int ACTIVE = 10;
  /** ...and as silent when this week has at most this fraction of its usual volume. */
  static final double SILENT = 0.1;

  public record Model(int total, List<Row> channels) {
    public Model {
      channels = List.copyOf(channels);
    }

    public List<Row> silent() {
      return channels.stream().filter(Row::silent).toList();
    }
  }

  /**
   * @param usual   the larger of last week and the median week of the history
   * @param silent  usual at least {@link #ACTIVE} and now at most {@link #SILENT} of it
   */
  public record Row(String channel, int messages, int previous, int usual, double share, boolean silent) {
  }

  @Override
  public String key() {
    return "channels";
  }

  @Override
  public int order() {
    return 700;
  }

  @Override
  public String title() {
    return "Channels";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    Map<String, Integer> now = new HashMap<>();
    for (Feedback f : d.customers()) {
      now.merge(f.channel(), 1, Integer::sum);
    }
    TreeSet<String> names = new TreeSet<>(now.keySet());
    d.history().forEach(h -> names.addAll(h.channels().keySet()));
    if (names.isEmpty()) {
      return Optional.empty();
    }
    int total = d.customers().size();
    List<Row> rows = new ArrayList<>();
    for (String c : names) {
      int n = now.getOrDefault(c, 0);
      int previous = d.feedback().previous().channels().getOrDefault(c, 0);
      int usual = Math.max(previous, median(d.history(), c));
      rows.add(new Row(c, n, previous, usual, total == 0 ? 0 : n / (double) total,
          usual >= ACTIVE && n <= usual * SILENT));
    }
    rows.sort(Comparator.comparing(Row::silent).reversed()
        .thenComparing(Comparator.comparingInt(Row::messages).reversed()).thenComparing(Row::channel));
    return Optional.of(new Model(total, rows));
  }

  private static int median(List<PeriodSummary> history, String channel) {
    if (history.isEmpty()) {
      return 0;
    }
    int[] v = history.stream().mapToInt(h -> h.channels().getOrDefault(channel, 0)).sorted().toArray();
    return v[(v.length - 1) / 2];
  }

  @Override
  public String note(Model m) {
    List<Row> silent = m.silent();
    return silent.isEmpty() ? "Customer messages per channel, vs the week before."
        : "Silent: " + String.join(", ", silent.stream().map(Row::channel).toList())
        + " (active before, almost nothing now: check the integration).";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.bars(b, m.channels().stream().map(r -> new Blocks.Bar(r.channel() + (r.silent() ? " \u26a0 silent" : ""),
        r.messages(), r.messages() + " (" + Format.percent(r.share()) + "), " + Format.change(r.messages(), r.previous())))
        .toList(), Blocks.BAR);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    for (Row r : m.channels()) {
      b.append("  ").append(r.channel()).append(": ").append(r.messages()).append(" (").append(Format.percent(r.share()))
          .append(", ").append(Format.change(r.messages(), r.previous())).append(")")
          .append(r.silent() ? " SILENT: usually " + r.usual() : "").append('\n');
    }
  }

}
