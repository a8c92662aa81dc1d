package dev.listeningpost.digest.sections;

import dev.listeningpost.digest.compose.Quote;
import dev.listeningpost.digest.compose.Quotes;
import dev.listeningpost.digest.render.Blocks;
import dev.listeningpost.feedback.Feedback;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * The newest customer messages that no other section quotes: not part of a theme (themes quote their
 * own) and not waiting for an answer past the SLA (listed under "Waiting"). Keeps what customers said visible before analysis has themed it.
 */
@Singleton
public class LatestSection implements DigestSection<LatestSection.Model> {

  public record Model(List<Quote> quotes) {
    public Model {
      quotes = List.copyOf(quotes);
    }
  }

  @Override
  public String key() {
    return "latest";
  }

  @Override
  public int order() {
    return 900;
  }

  @Override
  public String title() {
    return "Latest from customers";
  }

  @Override
  public Optional<Model> compute(PeriodData d) {
    Set<String> waiting = new HashSet<>();
    Answers.of(d).stream().filter(e -> e.state() == Answers.State.WAITING).forEach(e -> waiting.add(e.item().id()));
    List<Quote> out = new ArrayList<>();
    List<Feedback> customers = d.customers();
    for (int i = customers.size() - 1; i >= 0 && out.size() < d.options().listLimit(); i--) {
      Feedback f = customers.get(i);
      if (!f.text().isBlank() && d.themeOf(f) == null && !waiting.contains(f.id())) {
        out.add(Quotes.of(f));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new Model(out));
  }

  @Override
  public String note(Model m) {
    return "Newest messages not quoted above (not in a theme, not waiting past the SLA).";
  }

  @Override
  public void html(Model m, Detail detail, StringBuilder b) {
    Blocks.open(b);
    m.quotes().stream().limit(detail.list()).forEach(q -> Blocks.quote(b, q, true, "0"));
    Blocks.close(b);
  }

  @Override
  public void text(Model m, Detail detail, StringBuilder b) {
    m.quotes().stream().limit(detail.list()).forEach(q -> Blocks.textQuote(b, q, "  "));
  }
}
