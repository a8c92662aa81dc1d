package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.feedback.Feedback;

/** The read API's view of an item: everything but the raw payload and the embedding. */
final class FeedbackJson {
  private FeedbackJson() {
  }

  static ObjectNode of(ObjectMapper json, Feedback f) {
    ObjectNode n = json.createObjectNode();
    n.put("id", f.id());
    n.put("channel", f.channel());
    n.put("workspace", f.workspace());
    n.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
    n.put("text", f.text());
    ObjectNode a = n.putObject("author");
    a.put("id", f.author().id());
    a.put("handle", f.author().handle());
    a.put("name", f.author().name());
    a.put("staff", f.author().staff());
    ObjectNode t = n.putObject("thread");
    t.put("threadId", f.thread().threadId());
    t.put("parentId", f.thread().parentId());
    t.put("inReplyToAuthorId", f.thread().inReplyToAuthorId());
    n.put("permalink", f.permalink());
    n.put("createdAt", f.createdAt().toString());
    n.put("receivedAt", f.receivedAt() == null ? null : f.receivedAt().toString());
    if (f.score() != null) {
      n.put("score", f.score());
    }
    n.putPOJO("hashtags", f.hashtags());
    n.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT));
    if (f.enrichment() != null) {
      if (f.enrichment().sentiment() != null) {
        n.put("sentiment", f.enrichment().sentiment());
      }
      n.put("sentimentLabel", f.enrichment().sentimentLabel());
      n.put("themeId", f.enrichment().themeId());
    }
    return n;
  }
}
