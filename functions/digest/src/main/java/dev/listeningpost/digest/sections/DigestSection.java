package dev.listeningpost.digest.sections;

import java.util.Optional;

/**
 * One part of the digest: computes its model from the period's data and renders it, as HTML rows
 * of the email's main table and as plain text, at the detail level the size budget chooses.
 *
 * <p>A new section is one class implementing this (a {@code @Singleton} bean in the digest or any
 * module on its classpath; {@link #order()} places it) and its test. A section that throws is left out
 * of the email, with a warning in the log, rather than costing the whole digest.
 *
 * @param <M> the section's model: an immutable record, so the digest can be archived and compared
 */
public interface DigestSection<M> {
  /** Stable id, e.g. {@code themes}; also the HTML anchor. */
  String key();

  /** Position in the email, smallest first. */
  int order();

  String title();

  /** The model, or empty when there is nothing worth saying this period. */
  Optional<M> compute(PeriodData data);

  /** One sentence under the title, or null. */
  default String note(M model) {
    return null;
  }

  /** Table rows ({@code <tr>...</tr>}) of the email body; see {@code dev.listeningpost.digest.render.Blocks}. */
  void html(M model, Detail detail, StringBuilder out);

  /** Plain-text lines, each ending with a newline, indented by two spaces. */
  void text(M model, Detail detail, StringBuilder out);
}
