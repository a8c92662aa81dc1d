package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.listeningpost.analyze.AnalyzeService;
import dev.listeningpost.analyze.themes.Period;
import dev.listeningpost.analyze.themes.ThemeJob;
import dev.listeningpost.digest.DigestJob;
import dev.listeningpost.digest.DigestResult;
import dev.listeningpost.digest.alerts.AlertJob;
import dev.listeningpost.digest.alerts.AlertsResult;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.store.AwsEndpoints;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import dev.listeningpost.ingest.ReparseService;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The scheduled jobs on demand, each calling the same service its Lambda
 * function calls.
 */
final class PipelineJobs implements LocalJobs {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final ApplicationContext context;
  private final StreamPump pump;
  private final Clock clock;
  private final TtlSweeper ttl;

  @SuppressWarnings("unchecked")
  PipelineJobs(ApplicationContext context, String dynamoEndpoint, String feedbackTable, StreamCheckpoints checkpoints,
               TtlSweeper ttl) {
    this.context = context;
    this.clock = context.getBean(Clock.class);
    this.ttl = ttl;
    DynamoDbStreamsClient streams = AwsEndpoints.configure(DynamoDbStreamsClient.builder(), dynamoEndpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
    TableSchema<Feedback> schema = context.getBean(TableSchema.class);
    this.pump = new StreamPump(context.getBean(DynamoDbClient.class), streams, feedbackTable,
        schema::mapToItem, checkpoints);
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    try {
      return route(request.method(), request.path(), request.query());
    } catch (IllegalArgumentException e) {
      return Problem.badRequest(e.getMessage());
    }
  }

  private HttpResponse route(String method, String path, Map<String, String> query) {
    boolean post = "POST".equals(method);
    boolean get = "GET".equals(method);
    if (post && path.equals("/local/jobs/analyze")) {
      return analyze();
    }
    if (post && path.equals("/local/jobs/themes")) {
      return json(200, context.getBean(ThemeJob.class).run());
    }
    if (post && path.equals("/local/jobs/expire")) {
      return json(200, Map.of("deleted", ttl.sweep()));
    }
    if (post && path.equals("/local/jobs/digest")) {
      return digest(query.get("period"));
    }
    if (post && path.equals("/local/jobs/alerts")) {
      return alerts(query.get("at"));
    }
    if (post && path.equals("/local/jobs/reparse")) {
      Period p = Period.parse(query.getOrDefault("period", "30d"), clock);
      return json(200, context.getBean(ReparseService.class).reparseCreatedBetween(p.from(), p.until(), query.get("channel")));
    }
    return Problem.notFound("no route for " + method + " " + path);
  }

  private HttpResponse analyze() {
    AnalyzeService analyze = context.getBean(AnalyzeService.class);
    record Drained(int records, List<AnalyzeService.Outcome> outcomes) {
    }
    Drained drained = pump.drain(batch -> new Drained(batch.size(), analyze.process(batch)));
    List<AnalyzeService.Outcome> outcomes = drained.outcomes();
    ObjectNode out = JSON.createObjectNode();
    out.put("records", drained.records());
    Map<AnalyzeService.Status, Long> counts = new java.util.EnumMap<>(AnalyzeService.Status.class);
    outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    ObjectNode byStatus = out.putObject("outcomes");
    counts.forEach((k, v) -> byStatus.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    return HttpResponse.json(200, out.toString());
  }

  private HttpResponse digest(String period) {
    DigestJob job = context.getBean(DigestJob.class);
    DigestResult result = period == null || period.isBlank() ? job.runForLastCompleteWeek(clock) : job.run(period);
    ObjectNode out = JSON.createObjectNode();
    out.put("period", result.period());
    out.put("subject", result.subject());
    out.set("sent", JSON.valueToTree(result.sent()));
    out.set("skipped", JSON.valueToTree(result.skipped()));
    out.set("failed", JSON.valueToTree(result.failed()));
    out.put("reused", result.reused());
    return HttpResponse.json(result.complete() ? 200 : 502, out.toString());
  }

  /** The alerts function's job: the last complete window now, or at {@code ?at=2026-11-17T11:05:00Z}. */
  private HttpResponse alerts(String at) {
    java.time.Instant when;
    try {
      when = at == null || at.isBlank() ? clock.instant() : java.time.Instant.parse(at.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("at is not an ISO-8601 instant such as 2026-11-17T11:05:00Z: " + at);
    }
    AlertsResult result = context.getBean(AlertJob.class).run(when);
    return json(result.complete() ? 200 : 502, result);
  }

  private static HttpResponse json(int status, Object body) {
    return HttpResponse.json(status, JSON.valueToTree(body).toString());
  }

}
