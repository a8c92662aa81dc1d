package dev.listeningpost.analyze.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
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

  /** The routes template.yaml gives ReadApiFunction, each to its operation (the local stack checks they agree). */
  public static final RouteTable ROUTES = new RouteTable(List.of(
      new Route("GET", "/api/feedback", "feedback"),
      new Route("GET", "/api/themes", "themes"),
      new Route("GET", "/api/themes/{id}", "theme")));

  private final FeedbackStore feedback;
  private final ThemeQueryService themes;
  private final Clock clock;

  public ReadApi(FeedbackStore feedback, ThemeQueryService themes, Clock clock) {
    this.feedback = feedback;
    this.themes = themes;
    this.clock = clock;
    Priming.register("read-api", this::prime);
  }

  /**
   * Before a SnapStart snapshot: both read routes over a day long before any data (query, theme read,
   * JSON writer), so the first request pays for none of it. Reads only.
   */
  void prime() {
    handle(new HttpRequest("GET", "/api/feedback", Map.of(), Map.of("since", "2000-01-03", "until", "2000-01-04"),
        new byte[0]));
    handle(new HttpRequest("GET", "/api/themes", Map.of(), Map.of(), new byte[0]));
  }

  public HttpResponse handle(HttpRequest request) {
    RouteTable.Lookup route = ROUTES.lookup(request.method(), request.path());
    if (route.outcome() == RouteTable.Outcome.NOT_FOUND) {
      return Problem.notFound("no route for " + request.method() + " " + safe(request.path()));
    }
    if (route.outcome() != RouteTable.Outcome.MATCHED) {
      return Problem.methodNotAllowed("the read API answers GET only");
    }
    Map<String, String> query = request.query();
    try {
      return switch (route.route().target()) {
        case "feedback" -> feedback(query);
        case "themes" -> themes(query);
        default -> theme(route.param("id"), query);
      };
    } catch (IllegalArgumentException e) {
      return Problem.badRequest(e.getMessage());
    } catch (StorageUnavailableException e) {
      return Problem.storageUnavailable("storage is unavailable; retry later");
    }
  }

  private HttpResponse themes(Map<String, String> query) {
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

  private HttpResponse theme(String id, Map<String, String> query) {
    Period p = Period.parse(query.get("period"), clock);
    return themes.theme(id, p).map(d -> ok(JSON.valueToTree(d)))
        .orElseGet(() -> Problem.of(404, "unknown-theme", "Unknown theme", "no theme '" + safe(id) + "'"));
  }

  private HttpResponse feedback(Map<String, String> q) {
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

  private static HttpResponse ok(JsonNode body) {
    return HttpResponse.json(200, body.toString());
  }

  private static String safe(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
  }
}
