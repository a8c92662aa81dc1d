package dev.listeningpost.ingest;

import dev.listeningpost.http.HttpResponse;
import java.util.List;

/**
 * The result of parsing one delivery.
 *
 * @param changes  what to store
 * @param response what to answer instead of the default acknowledgement (handshakes, Discord), or null
 * @param note     why nothing was stored (ignored event types, bots), for logs and the ack body
 */
public record Delivery(List<FeedbackChange> changes, HttpResponse response, String note) {

  public Delivery {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  public static Delivery of(List<FeedbackChange> changes) {
    return new Delivery(changes, null, null);
  }

  public static Delivery of(FeedbackChange change) {
    return new Delivery(List.of(change), null, null);
  }

  public static Delivery ignored(String why) {
    return new Delivery(List.of(), null, why);
  }

  public static Delivery answer(HttpResponse response) {
    return new Delivery(List.of(), response, null);
  }

  public Delivery withResponse(HttpResponse r) {
    return new Delivery(changes, r, note);
  }
}
