package dev.listeningpost.digest.sections;

/** A section and what it computed for one period: what {@code Digest} keeps and the renderer renders. */
public record SectionModel<M>(DigestSection<M> section, M model) {
  public String key() {
    return section.key();
  }

  public String title() {
    return section.title();
  }

  public String note() {
    return section.note(model);
  }

  public void html(Detail detail, StringBuilder out) {
    section.html(model, detail, out);
  }

  public void text(Detail detail, StringBuilder out) {
    section.text(model, detail, out);
  }

  /** Computes {@code section}'s model, if it has something to say. */
  public static <M> java.util.Optional<SectionModel<M>> of(DigestSection<M> section, PeriodData data) {
    return section.compute(data).map(m -> new SectionModel<>(section, m));
  }
}
