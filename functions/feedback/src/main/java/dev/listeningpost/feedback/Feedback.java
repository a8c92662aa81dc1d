package dev.listeningpost.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One piece of customer feedback, the same shape for every channel.
 *
 * <p>Identity is {@link #id()}: a hash of channel, workspace and the channel's own object id, so
 * the same message delivered twice (or edited) always maps to the same item.
 *
 * @param id           stable id, see {@link FeedbackIds#of(String, String, String)}
 * @param channel      channel name, e.g. {@code slack}
 * @param workspace    Slack team, GitHub repo, forum host... (the "source" of a multi-source channel)
 * @param sourceId     the channel's own object id (Slack {@code channel:ts}, GitHub comment id...)
 * @param kind         what the item is
 * @param text         plain text, markup stripped
 * @param author       who wrote it
 * @param thread       where it sits in a conversation
 * @param permalink    a link back to the item on its platform, null where none can be built
 * @param createdAt    when the author wrote it (platform time)
 * @param receivedAt   when we received it
 * @param score        NPS / CSAT / rating where the channel has one, else null
 * @param deliveryId   the platform's delivery or event id of the delivery that created the item
 * @param hashtags     lower-case hashtags found in the text (campaigns)
 * @param status       active, edited, deleted or unparsed
 * @param rawPayload   the raw webhook body, gzip-compressed, so the item can be re-parsed
 * @param enrichment   sentiment, embedding and theme, null until analyzed
 */
public record Feedback(
    String id,
    String channel,
    String workspace,
    String sourceId,
    Kind kind,
    String text,
    Author author,
    ThreadRef thread,
    String permalink,
    Instant createdAt,
    Instant receivedAt,
    Double score,
    String deliveryId,
    List<String> hashtags,
    Status status,
    byte[] rawPayload,
    Enrichment enrichment) {

  public Feedback {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(createdAt, "createdAt");
    kind = kind == null ? Kind.POST : kind;
    text = text == null ? "" : text;
    author = author == null ? Author.UNKNOWN : author;
    thread = thread == null ? ThreadRef.NONE : thread;
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    status = status == null ? Status.ACTIVE : status;
  }

  /** What kind of contribution an item is. */
  public enum Kind { POST, REPLY, COMMENT, MENTION, TICKET, SURVEY_ANSWER, REVIEW, MESSAGE }

  /**
   * Lifecycle of an item: edits update it in place, deletions tombstone it. {@code UNPARSED} is a
   * signed delivery the adapter could not read: kept raw (no text) until a fixed adapter reparses
   * it, and never analysed or counted as feedback.
   */
  public enum Status { ACTIVE, EDITED, DELETED, UNPARSED }

  /** Who wrote an item. {@code staff} separates the brand's people from community members. */
  public record Author(String id, String handle, String displayName, boolean staff) {
    public static final Author UNKNOWN = new Author(null, null, null, false);

    /** The best human-readable name we have. */
    public String name() {
      if (displayName != null && !displayName.isBlank()) {
        return displayName;
      }
      if (handle != null && !handle.isBlank()) {
        return handle;
      }
      return id == null ? "someone" : id;
    }
  }

  /**
   * Where an item sits in a conversation: the thread root, the item it answers and that item's
   * author, so "who replied to whom" survives into the digest.
   */
  public record ThreadRef(String threadId, String parentId, String inReplyToAuthorId) {
    public static final ThreadRef NONE = new ThreadRef(null, null, null);
  }

  /** Analysis results written by the analyze function. */
  public record Enrichment(Double sentiment, String sentimentLabel, float[] embedding, String themeId,
                           Instant analyzedAt) {
  }

  public Builder toBuilder() {
    return new Builder().id(id).channel(channel).workspace(workspace).sourceId(sourceId).kind(kind)
        .text(text).author(author).thread(thread).permalink(permalink).createdAt(createdAt)
        .receivedAt(receivedAt).score(score).deliveryId(deliveryId).hashtags(hashtags)
        .status(status).rawPayload(rawPayload).enrichment(enrichment);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder, also used by the DynamoDB static immutable table schema. */
  public static final class Builder {
    private String id;
    private String channel;
    private String workspace;
    private String sourceId;
    private Kind kind;
    private String text;
    private Author author;
    private ThreadRef thread;
    private String permalink;
    private Instant createdAt;
    private Instant receivedAt;
    private Double score;
    private String deliveryId;
    private List<String> hashtags;
    private Status status;
    private byte[] rawPayload;
    private Enrichment enrichment;

    public Builder id(String v) { this.id = v; return this; }
    public Builder channel(String v) { this.channel = v; return this; }
    public Builder workspace(String v) { this.workspace = v; return this; }
    public Builder sourceId(String v) { this.sourceId = v; return this; }
    public Builder kind(Kind v) { this.kind = v; return this; }
    public Builder text(String v) { this.text = v; return this; }
    public Builder author(Author v) { this.author = v; return this; }
    public Builder thread(ThreadRef v) { this.thread = v; return this; }
    public Builder permalink(String v) { this.permalink = v; return this; }
    public Builder createdAt(Instant v) { this.createdAt = v; return this; }
    public Builder receivedAt(Instant v) { this.receivedAt = v; return this; }
    public Builder score(Double v) { this.score = v; return this; }
    public Builder deliveryId(String v) { this.deliveryId = v; return this; }
    public Builder hashtags(List<String> v) { this.hashtags = v; return this; }
    public Builder status(Status v) { this.status = v; return this; }
    public Builder rawPayload(byte[] v) { this.rawPayload = v; return this; }
    public Builder enrichment(Enrichment v) { this.enrichment = v; return this; }

    public Author author() { return author == null ? Author.UNKNOWN : author; }
    public ThreadRef thread() { return thread == null ? ThreadRef.NONE : thread; }
    public Enrichment enrichment() { return enrichment; }

    public Feedback build() {
      if (id == null && channel != null && sourceId != null) {
        id = FeedbackIds.of(channel, workspace, sourceId);
      }
      return new Feedback(id, channel, workspace, sourceId, kind, text, author, thread, permalink,
          createdAt, receivedAt, score, deliveryId, hashtags, status, rawPayload, enrichment);
    }
  }
}
