package dev.listeningpost.analyze.themes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The bounded summary the nightly job clusters: at most {@code capacity} items, chosen by a
 * deterministic, time-decayed bottom-k sample. Each item gets a priority from a hash of its id
 * (uniform) shifted by its age, and the sample keeps the lowest priorities: recent items are
 * favoured with weight e^(t / recencyDays), and old ones fade out, so memory stays flat however many
 * items arrive. Because the priority depends only on the item, adding the same item twice, or
 * re-running a night, changes nothing.
 */
public final class ThemeSample {
  private record Entry(double priority, Member member) {
  }

  private static final Comparator<Entry> ORDER =
      Comparator.comparingDouble(Entry::priority).thenComparing(e -> e.member().id());

  private final int capacity;
  private final double recencyDays;
  private final TreeSet<Entry> entries = new TreeSet<>(ORDER);
  private final Map<String, Entry> byId = new HashMap<>();

  public ThemeSample(int capacity, double recencyDays) {
    this.capacity = Math.max(1, capacity);
    this.recencyDays = recencyDays <= 0 ? Double.POSITIVE_INFINITY : recencyDays;
  }

  public ThemeSample(ThemeSettings s) {
    this(s.sampleCapacity(), s.recencyDays());
  }

  /** Offers an item; returns true when it is in the sample afterwards. */
  public boolean offer(Member m) {
    Entry old = byId.get(m.id());
    if (old != null) {
      // Same item again (e.g. re-processed): keep its place, take the newest text and vector.
      entries.remove(old);
      Entry e = new Entry(old.priority(), new Member(m.id(), m.text(), m.permalink(), m.createdAt(),
          m.themeId() != null ? m.themeId() : old.member().themeId(), m.vector()));
      entries.add(e);
      byId.put(m.id(), e);
      return true;
    }
    Entry e = new Entry(priority(m.id(), m.createdAt()), m);
    if (entries.size() >= capacity) {
      Entry worst = entries.last();
      if (ORDER.compare(e, worst) >= 0) {
        return false;
      }
      entries.remove(worst);
      byId.remove(worst.member().id());
    }
    entries.add(e);
    byId.put(m.id(), e);
    return true;
  }

  public void offerAll(Collection<Member> members) {
    members.forEach(this::offer);
  }

  public List<Member> members() {
    List<Member> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e.member()));
    return out;
  }

  public int size() {
    return entries.size();
  }

  double priority(String id, Instant createdAt) {
    double u = (mix(id) >>> 11) * 0x1.0p-53 + 0x1.0p-54;
    double days = createdAt == null ? 0 : createdAt.getEpochSecond() / 86400.0;
    double age = Double.isInfinite(recencyDays) ? 0 : days / recencyDays;
    // log of an exponential variate divided by the weight e^(days / recencyDays).
    return Math.log(-Math.log(u)) - age;
  }

  private static long mix(String id) {
    long h = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
