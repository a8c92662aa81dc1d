package dev.listeningpost.digest.compose;

import dev.listeningpost.feedback.Feedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who answered what, over the period and the reply window after it.
 *
 * <p>Conversation model (what ingest stores): a reply carries {@code thread.parentId} = the
 * {@link Feedback#id()} of the message it answers, and/or the thread id of its root; its
 * {@code thread.inReplyToAuthorId} names the author it answers.
 */
public final class Conversations {
  private final Map<String, List<Feedback>> byParent = new HashMap<>();
  private final Map<String, List<Feedback>> byThread = new HashMap<>();

  public Conversations(List<Feedback> items, List<Feedback> after) {
    for (List<Feedback> list : List.of(items, after)) {
      for (Feedback f : list) {
        if (f.thread().parentId() != null) {
          byParent.computeIfAbsent(f.thread().parentId(), k -> new ArrayList<>()).add(f);
        }
        if (f.thread().threadId() != null && isReply(f)) {
          byThread.computeIfAbsent(f.thread().threadId(), k -> new ArrayList<>()).add(f);
        }
      }
    }
  }

  public static boolean isReply(Feedback f) {
    return f.kind() == Feedback.Kind.REPLY || f.thread().parentId() != null;
  }

  /** One person per channel: the same name on two platforms may be two people. */
  public static String authorKey(Feedback f) {
    Feedback.Author a = f.author();
    return f.channel() + ":" + (a.id() != null ? a.id() : a.name());
  }

  /** A reply to someone else whom {@code customerById} knows as a customer. */
  static boolean answersAnotherCustomer(Feedback reply, Map<String, Boolean> customerById) {
    String to = reply.thread().inReplyToAuthorId();
    return to != null && !to.equals(reply.author().id()) && Boolean.TRUE.equals(customerById.get(to));
  }

  /** Replies to {@code root}: by parent id, or in its thread when it starts one; oldest first. */
  public List<Feedback> repliesTo(Feedback root) {
    // Lists are built from items then the reply window, both oldest first, so each is in time order;
    // this runs for every message of a busy week, so the common cases allocate nothing.
    List<Feedback> byId = byParent.getOrDefault(root.id(), List.of());
    List<Feedback> inThread = root.thread().threadId() != null && root.thread().parentId() == null
        ? byThread.getOrDefault(root.thread().threadId(), List.of()) : List.of();
    if (inThread.isEmpty()) {
      return java.util.Collections.unmodifiableList(byId);
    }
    Set<String> seen = new HashSet<>();
    List<Feedback> out = new ArrayList<>();
    for (List<Feedback> list : List.of(byId, inThread)) {
      for (Feedback r : list) {
        if (!r.id().equals(root.id()) && seen.add(r.id())) {
          out.add(r);
        }
      }
    }
    if (!byId.isEmpty()) {
      out.sort(Comparator.comparing(Feedback::createdAt).thenComparing(Feedback::id));
    }
    return out;
  }

  /** When someone other than its author (staff or member) first answered {@code root}. */
  public Optional<Instant> firstResponse(Feedback root) {
    String me = authorKey(root);
    return repliesTo(root).stream().filter(r -> !authorKey(r).equals(me)).map(Feedback::createdAt)
        .filter(t -> !t.isBefore(root.createdAt())).findFirst();
  }
}
