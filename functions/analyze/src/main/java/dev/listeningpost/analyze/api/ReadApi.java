package dev.listeningpost.analyze.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.listeningpost.analyze.themes.Period;
import dev.listeningpost.analyze.themes.ThemeQueryService;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read API over feedback and themes, shared by the deployed {@code ReadApiHandler} (behind
 * IAM-authorized routes) and the local stack:
 * {@code GET /api/feedback?since=&until=&channel=}, {@code GET /api/themes?period=},
 * {@code GET /api/themes/{id}?period=}.
 */
@Singleton
public class ReadApi {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Duration MAX_RANGE = Duration.ofDays(366);

  /** An HTTP answer. */
  public record Response(int status, String contentType, String body) {
  }

  private final FeedbackStore feedback;
  private final ThemeQueryService themes;
  private final Clock clock;

  public ReadApi(FeedbackStore feedback, ThemeQueryService themes, Clock clock) {
    this.feedback = feedback;
    this.themes = themes;
    this.clock = clock;
  }

  /** Whether this API serves the path (so a caller can route other paths elsewhere). */
  public static boolean serves(String path) {
    return path.equals("/api/feedback") || path.equals("/api/themes") || path.startsWith("/api/themes/");
  }

  public Response handle(String method, String path, Map<String, String> query) {
    if (!"GET".equals(method)) {
      return problem(405, "method-not-allowed", "Method not allowed", "the read API answers GET only");
    }
    try {
      if (path.equals("/api/feedback")) {
        return feedback(query);
      }
      if (path.equals("/api/themes")) {
        Period p = Period.parse(query.get("period"), clock);
        ObjectNode out = JSON.createObjectNode();
        out.put("from", p.from().toString());
        out.put("until", p.until().toString());
        ThemeQueryService.PeriodThemes view = themes.overview(p);
        out.put("customerVolume", view.customerVolume());
        out.put("previousCustomerVolume", view.previousCustomerVolume());
        out.put("baselineCustomerVolume", view.baselineCustomerVolume());
        out.put("baselinePeriods", view.baselinePeriods());
        out.put("fastestRiser", view.fastestRiser());
        out.set("themes", JSON.valueToTree(view.themes()));
        return ok(out);
      }
      if (path.startsWith("/api/themes/")) {
        String id = path.substring("/api/themes/".length());
        Period p = Period.parse(query.get("period"), clock);
        return themes.theme(id, p).map(d -> ok(JSON.valueToTree(d)))
            .orElseGet(() -> problem(404, "unknown-theme", "Unknown theme", "no theme '" + safe(id) + "'"));
      }
      return problem(404, "not-found", "Not found", "no route for GET " + safe(path));
    } catch (IllegalArgumentException e) {
      return problem(400, "bad-request", "Bad request", e.getMessage());
    } catch (StorageUnavailableException e) {
      return problem(503, "storage-unavailable", "Temporarily unavailable", "storage is unavailable; retry later");
    }
  }

  private Response feedback(Map<String, String> q) {
    Instant until = instant(q.get("until"), "until", clock.instant());
    Instant since = instant(q.get("since"), "since", until.minus(Duration.ofDays(7)));
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("'since' must be before 'until'");
    }
    if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException("the range may span at most 366 days");
    }
    List<Feedback> items = feedback.createdBetween(since, until, q.get("channel"));
    ObjectNode out = JSON.createObjectNode();
    out.put("since", since.toString());
    out.put("until", until.toString());
    out.put("count", items.size());
    ArrayNode arr = out.putArray("items");
    items.forEach(f -> arr.add(view(f)));
    return ok(out);
  }

  /** The public view of an item: everything but the raw payload and the embedding. */
  static ObjectNode view(Feedback f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", f.id());
    n.put("channel", f.channel());
    n.put("workspace", f.workspace());
    n.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
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
    n.set("hashtags", JSON.valueToTree(f.hashtags()));
    n.put("status", f.status().name().toLowerCase(Locale.ROOT));
    if (f.enrichment() != null) {
      if (f.enrichment().sentiment() != null) {
        n.put("sentiment", f.enrichment().sentiment());
      }
      n.put("sentimentLabel", f.enrichment().sentimentLabel());
      n.put("themeId", f.enrichment().themeId());
    }
    return n;
  }

  private static Instant instant(String v, String name, Instant dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant or date, e.g. 2026-11-16T00:00:00Z");
    }
  }

  private static Response ok(com.fasterxml.jackson.databind.JsonNode body) {
    return new Response(200, "application/json", body.toString());
  }

  /** RFC 9457 problem details. */
  static Response problem(int status, String slug, String title, String detail) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "https://listening-post.dev/problems/" + slug);
    n.put("title", title);
    n.put("status", status);
    n.put("detail", detail);
    return new Response(status, "application/problem+json", n.toString());
  }

  private static String safe(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
  }
}
