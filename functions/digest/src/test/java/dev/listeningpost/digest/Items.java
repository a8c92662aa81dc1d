package dev.listeningpost.digest;

import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.Feedback.Enrichment;
import dev.listeningpost.feedback.Feedback.ThreadRef;
import dev.listeningpost.feedback.Hashtags;
import java.time.Instant;

/** Feedback items for tests. */
public final class Items {
  public static final Author ADA = new Author("U-ADA", "ada", "Ada Lovelace", false);
  public static final Author GRACE = new Author("U-GRACE", "grace", "Grace Hopper", false);
  public static final Author STAFF = new Author("U-STAFF", "sam", "Sam from Support", true);

  private Items() {
  }

  public static Feedback post(String sourceId, Author author, Instant at, String text) {
    return base("slack", sourceId, author, at, text).kind(Feedback.Kind.MESSAGE)
        .thread(new ThreadRef(sourceId, null, null)).build();
  }

  public static Feedback post(String channel, String sourceId, Author author, Instant at, String text) {
    return base(channel, sourceId, author, at, text).kind(Feedback.Kind.POST).build();
  }

  /** A reply to {@code parent}, in its thread. */
  public static Feedback reply(String sourceId, Author author, Instant at, String text, Feedback parent) {
    return base(parent.channel(), sourceId, author, at, text).kind(Feedback.Kind.REPLY)
        .thread(new ThreadRef(parent.thread().threadId() == null ? parent.sourceId() : parent.thread().threadId(),
            parent.id(), parent.author().id()))
        .build();
  }

  public static Feedback withSentiment(Feedback f, Double score, String label, String themeId) {
    return f.toBuilder().enrichment(new Enrichment(score, label, null, themeId, f.createdAt())).build();
  }

  private static Feedback.Builder base(String channel, String sourceId, Author author, Instant at, String text) {
    return Feedback.builder().channel(channel).workspace("T1").sourceId(sourceId).text(text).author(author)
        .createdAt(at).receivedAt(at).hashtags(Hashtags.in(text))
        .permalink("https://example.slack.com/archives/C1/p" + sourceId.replaceAll("\\W", ""));
  }
}
