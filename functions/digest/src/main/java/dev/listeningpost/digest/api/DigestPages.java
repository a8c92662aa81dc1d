package dev.listeningpost.digest.api;

import static dev.listeningpost.digest.render.Html.escape;

import dev.listeningpost.digest.render.Html;
import dev.listeningpost.digest.sections.WaitingSection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.ArchivedDigest;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.render.RenderedDigest;
import dev.listeningpost.feedback.priming.Priming;
import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.http.HttpResponse;
import dev.listeningpost.http.Problem;
import jakarta.inject.Singleton;
import dev.listeningpost.feedback.store.StorageUnavailableException;
import dev.listeningpost.http.Route;
import dev.listeningpost.http.RouteTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest archive, read: {@code GET /digests/{period}} (the email's HTML, as the executive saw it) and
 * {@code GET /api/digests/{period}} (JSON: subject, headline numbers, HTML and text), where {@code period} is
 * an ISO week ({@code 2026-W47}) or {@code latest}. With {@code ?preview=true} the period is composed and
 * rendered now, from the stored feedback, and neither archived nor sent: what the digest would say.
 * {@code GET /digests/{period}/waiting} and {@code GET /api/digests/{period}/waiting}: everyone still waiting
 * for an answer from that week, most urgent first (the digest lists the first few and links here).
 *
 * <p>Never writes: the function serving it holds read-only permissions.
 */
@Singleton
public class DigestPages {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String LATEST = "latest";
  /** The routes template.yaml gives the digest read function (DigestReadFunction). */
  public static final RouteTable ROUTES = new RouteTable(List.of(
      new Route("GET", "/digests/{period}", "html"),
      new Route("GET", "/api/digests/{period}", "json"),
      new Route("GET", "/digests/{period}/waiting", "waiting-html"),
      new Route("GET", "/api/digests/{period}/waiting", "waiting-json")));

  private final DigestArchive archive;
  private final DigestComposer composer;
  private final DigestRenderer renderer;
  private final DigestSettings settings;
  private final Clock clock;

  public DigestPages(DigestArchive archive, DigestComposer composer, DigestRenderer renderer, DigestSettings settings,
                     Clock clock) {
    this.archive = archive;
    this.composer = composer;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
    Priming.register("digest-read", this::prime);
  }

  /**
   * Before a SnapStart snapshot: a JSON and an HTML preview of a week long before any data (archive read,
   * the composer's queries, both renderers). A preview never archives or sends: reads only.
   */
  void prime() {
    handle(new HttpRequest("GET", "/api/digests/2000-W01", Map.of(), Map.of("preview", "true"), new byte[0]));
    handle(new HttpRequest("GET", "/digests/2000-W01", Map.of(), Map.of("preview", "true"), new byte[0]));
  }

  public HttpResponse handle(HttpRequest request) {
    RouteTable.Lookup route = ROUTES.lookup(request.method(), request.path());
    if (route.outcome() == RouteTable.Outcome.NOT_FOUND) {
      return Problem.notFound("no route for " + request.method() + " " + safe(request.path()));
    }
    if (route.outcome() != RouteTable.Outcome.MATCHED) {
      return Problem.methodNotAllowed("digests are read with GET");
    }
    try {
      String target = route.route().target();
      if (target.startsWith("waiting")) {
        return waiting(route.param("period"), target.equals("waiting-json"));
      }
      return answer(route.param("period"), target.equals("json"), previewFlag(request.query().get("preview")));
    } catch (IllegalArgumentException e) {
      return Problem.badRequest(e.getMessage());
    } catch (StorageUnavailableException e) {
      return Problem.storageUnavailable("storage is unavailable; retry later");
    }
  }

  private HttpResponse answer(String period, boolean json, boolean preview) {
    Optional<ArchivedDigest> digest = preview ? Optional.of(compose(period)) : archived(period);
    if (digest.isEmpty()) {
      return LATEST.equals(period)
          ? Problem.of(404, "no-digest", "No digest yet", "no digest has been composed yet")
          : Problem.of(404, "no-digest", "No digest for this period", "no digest was composed for " + period
              + "; add ?preview=true to see what it would say");
    }
    return json ? HttpResponse.json(200, json(digest.get(), preview)) : HttpResponse.html(200, digest.get().html());
  }

  /** The whole waiting list of a week, computed now from the stored feedback (replies since count). */
  private HttpResponse waiting(String period, boolean json) {
    ReportingPeriod p = LATEST.equals(period) ? ReportingPeriod.lastCompleteWeek(clock, settings.zone()) : parse(period);
    List<WaitingSection.Person> people = composer.waiting(p);
    return json ? HttpResponse.json(200, waitingJson(p, people)) : HttpResponse.html(200, waitingHtml(p, people));
  }

  static String waitingJson(ReportingPeriod p, List<WaitingSection.Person> people) {
    ObjectNode n = JSON.createObjectNode();
    n.put("period", p.id());
    n.put("people", people.size());
    n.put("messages", people.stream().mapToInt(WaitingSection.Person::messages).sum());
    var list = n.putArray("waiting");
    for (WaitingSection.Person person : people) {
      ObjectNode o = list.addObject();
      o.put("name", person.name());
      o.put("handle", person.handle());
      o.put("channel", person.channel());
      o.put("messages", person.messages());
      o.put("complaint", person.complaint());
      o.put("waitedHours", person.waited() == null ? null : person.waited().toHours());
      ObjectNode m = o.putObject("message");
      m.put("text", person.message().text());
      m.put("permalink", person.message().permalink());
      m.put("createdAt", person.message().createdAt() == null ? null : person.message().createdAt().toString());
    }
    return n.toString();
  }

  static String waitingHtml(ReportingPeriod p, List<WaitingSection.Person> people) {
    StringBuilder b = new StringBuilder(4096).append("<!doctype html><html><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\"><title>Waiting for an answer, ")
        .append(p.id()).append("</title></head><body style=\"font-family:sans-serif;max-width:720px;margin:1em auto;padding:0 8px\">")
        .append("<h1 style=\"font-size:20px\">Waiting for an answer, week ").append(p.id()).append("</h1><p>")
        .append(people.size()).append(people.size() == 1 ? " person" : " people").append(", most urgent first.</p><ol>");
    for (WaitingSection.Person person : people) {
      b.append("<li style=\"margin:0 0 12px\"><strong>").append(escape(WaitingSection.who(person))).append("</strong> (")
          .append(escape(person.channel())).append(", ").append(person.messages())
          .append(person.messages() == 1 ? " message" : " messages");
      if (person.waited() != null) {
        b.append(", waiting ").append(person.waited().toHours()).append(" h");
      }
      b.append(")<br>&ldquo;").append(escape(person.message().text())).append("&rdquo;");
      String link = Html.safeUrl(person.message().permalink());
      if (link != null) {
        b.append(" <a href=\"").append(escape(link)).append("\">open</a>");
      }
      b.append("</li>");
    }
    return b.append("</ol></body></html>").toString();
  }

  private Optional<ArchivedDigest> archived(String period) {
    return LATEST.equals(period) ? archive.latest() : archive.find(parse(period).id());
  }

  /**
   * Composes and renders the period as the digest job would, without archiving or sending it; {@code latest}
   * is the week the job would send now (the last complete one).
   */
  private ArchivedDigest compose(String period) {
    ReportingPeriod p = LATEST.equals(period) ? ReportingPeriod.lastCompleteWeek(clock, settings.zone())
        : parse(period);
    Digest d = composer.compose(p);
    RenderedDigest r = renderer.render(d);
    return new ArchivedDigest(p.id(), p.start(), p.zone().getId(), r.subject(), r.html(), r.text(), d.composedAt(),
        d.counts());
  }

  /** An existing ISO week, else 400. */
  private ReportingPeriod parse(String period) {
    try {
      return ReportingPeriod.parse(period, settings.zone());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("period must be an ISO week such as 2026-W47, or latest: "
          + safe(period) + (period.matches("\\d{4}-W\\d{2}") ? " (" + e.getMessage() + ")" : ""));
    }
  }

  private static boolean previewFlag(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException("preview must be true or false");
  }

  /** The archived digest's fields; {@code preview} says it was composed for this answer and is in no archive. */
  static String json(ArchivedDigest d, boolean preview) {
    ObjectNode n = JSON.createObjectNode();
    n.put("period", d.period());
    n.put("periodStart", d.periodStart().toString());
    n.put("timeZone", d.timeZone());
    n.put("preview", preview);
    n.put("subject", d.subject());
    n.put("composedAt", d.composedAt().toString());
    Digest.Counts c = d.counts();
    ObjectNode counts = n.putObject("counts");
    counts.put("messages", c.messages());
    counts.put("previousMessages", c.previousMessages());
    counts.put("analyzed", c.analyzed());
    if (c.netSentiment() == null) {
      counts.putNull("netSentiment");
    } else {
      counts.put("netSentiment", c.netSentiment());
    }
    counts.put("replies", c.replies());
    counts.put("memberReplies", c.memberReplies());
    counts.put("unanswered", c.unanswered());
    n.put("html", d.html());
    n.put("text", d.text());
    return n.toString();
  }

  /** Echoes caller input only as short printable ASCII. */
  private static String safe(String s) {
    String clean = s == null ? "" : s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
  }
}
