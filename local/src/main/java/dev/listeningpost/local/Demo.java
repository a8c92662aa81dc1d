package dev.listeningpost.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listeningpost.ingest.Signatures;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code --demo}: a week of realistic community feedback sent as signed Slack deliveries through the
 * real webhook path, then the jobs, so a newcomer sees a digest within seconds.
 */
final class Demo {
  static final String STAFF = "slack:U0STAFF001,slack:U0STAFF002";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One seeded message: day offset within the week, hour, author, text, and the message it answers (index) or -1. */
  record Message(int day, int hour, String user, String name, String text, int replyTo) {
  }

  static final List<Message> MESSAGES = List.of(
      new Message(0, 9, "U0MEMBER01", "Grace Hopper", "The CSV export times out for workspaces with more than 10k rows. We had to split our report into five files.", -1),
      new Message(0, 10, "U0STAFF001", "Sam (Support)", "Thanks Grace, we can reproduce the export timeout and a fix is in progress.", 0),
      new Message(0, 11, "U0MEMBER02", "Linus T.", "Same here: exporting large projects to CSV fails after a minute, every time.", 0),
      new Message(0, 14, "U0MEMBER03", "Ada L.", "Please add a dark mode to the dashboard, my eyes hurt during night shifts.", -1),
      new Message(1, 9, "U0MEMBER04", "Margaret H.", "Dark mode would be great, the white dashboard is blinding on a big monitor at night.", -1),
      new Message(1, 10, "U0MEMBER05", "Alan Turing", "Love the new onboarding checklist! Our new hires were productive on day one. #launchweek", -1),
      new Message(1, 13, "U0STAFF002", "Priya (Community)", "It's #launchweek! Tell us which new feature you like most and what we should build next.", -1),
      new Message(1, 14, "U0MEMBER06", "Katherine J.", "The new onboarding flow is fantastic, so much clearer than before.", 6),
      new Message(1, 15, "U0MEMBER07", "Dennis R.", "Onboarding is great, but I'd love SSO with Okta next.", 6),
      new Message(2, 9, "U0MEMBER08", "Barbara L.", "We need SAML single sign-on with Okta before our security team will approve the rollout.", -1),
      new Message(2, 11, "U0MEMBER09", "Ken T.", "Is SSO on the roadmap? Our IT department requires Okta or Azure AD login.", -1),
      new Message(2, 12, "U0MEMBER08", "Barbara L.", "+1 to Ken, Azure AD single sign-on is a blocker for us too.", 10),
      new Message(2, 16, "U0MEMBER10", "Frances A.", "The mobile app keeps crashing when I open a thread with images. Very frustrating.", -1),
      new Message(3, 9, "U0MEMBER11", "John B.", "App crashes on Android 15 whenever I upload a photo. Reinstalling did not help.", -1),
      new Message(3, 10, "U0STAFF001", "Sam (Support)", "Sorry about the crashes John, could you send us the app version from Settings > About?", 13),
      new Message(3, 11, "U0MEMBER12", "Radia P.", "The pricing change is confusing. Why does the team plan now charge per viewer?", -1),
      new Message(3, 15, "U0MEMBER13", "Edsger D.", "Per-viewer pricing makes it too expensive to share dashboards with our whole company.", -1),
      new Message(4, 9, "U0MEMBER14", "Hedy L.", "Search got so much faster this week, great job! Finding old threads is instant now.", -1),
      new Message(4, 10, "U0MEMBER15", "Tim B.", "The new search is excellent. Filters by channel and author are exactly what we needed.", -1),
      new Message(4, 11, "U0MEMBER16", "Shafi G.", "Export to CSV still times out for our 40k-row workspace, any update?", -1),
      new Message(4, 14, "U0MEMBER17", "Leslie L.", "Would it be possible to schedule exports to run nightly and land in S3?", -1),
      new Message(5, 10, "U0MEMBER18", "Donald K.", "Dark mode please! Even a simple high-contrast theme would help.", -1),
      new Message(5, 12, "U0MEMBER19", "Barbara S.", "The Android app crashed three times today while loading images in threads.", -1),
      new Message(6, 11, "U0MEMBER20", "Vint C.", "Thanks for the quick help with our billing question yesterday, support was superb.", -1),
      new Message(6, 15, "U0MEMBER21", "Sophie W.", "Hi all, I'm new here! Looking forward to learning how other teams use dashboards.", -1));

  private Demo() {
  }

  static String randomSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Monday 00:00 UTC of the last complete ISO week. */
  static Instant lastCompleteWeekStart(Instant now) {
    LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return monday.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static String isoWeek(Instant weekStart) {
    LocalDate d = LocalDate.ofInstant(weekStart, ZoneOffset.UTC);
    return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static void run(LocalPipeline pipeline, PrintStream out) throws Exception {
    String base = "http://127.0.0.1:" + pipeline.port();
    String secret = pipeline.slackSecret();
    Instant weekStart = lastCompleteWeekStart(Instant.now());
    HttpClient http = HttpClient.newHttpClient();
    int stored = 0;
    String[] ts = new String[MESSAGES.size()];
    for (int i = 0; i < MESSAGES.size(); i++) {
      Message m = MESSAGES.get(i);
      Instant at = weekStart.plusSeconds(m.day() * 86_400L + m.hour() * 3_600L + i);
      ts[i] = at.getEpochSecond() + ".000100";
      byte[] body = slackEvent(m, ts[i], m.replyTo() >= 0 ? ts[m.replyTo()] : null,
          m.replyTo() >= 0 ? MESSAGES.get(m.replyTo()).user() : null, i).getBytes(StandardCharsets.UTF_8);
      String now = Long.toString(Instant.now().getEpochSecond());
      String sig = "v0=" + Signatures.hmacSha256Hex(secret, ("v0:" + now + ":").getBytes(StandardCharsets.UTF_8), body);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/slack"))
          .header("Content-Type", "application/json")
          .header("X-Slack-Request-Timestamp", now)
          .header("X-Slack-Signature", sig)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("demo delivery " + i + " was answered " + r.statusCode() + ": " + r.body());
      }
      stored += JSON.readTree(r.body()).path("stored").asInt();
    }
    out.println("Demo: " + stored + " Slack messages delivered through POST /webhooks/slack (signed) for week "
        + isoWeek(weekStart));
    for (String job : List.of("/local/jobs/analyze", "/local/jobs/themes", "/local/jobs/digest?period=" + isoWeek(weekStart))) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + job))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      out.println("Demo: POST " + job + " -> " + r.statusCode() + " " + abbreviate(r.body()));
    }
    out.println("Demo: open http://localhost:" + pipeline.port() + "/digests/latest (or the .html/.eml files in "
        + pipeline.dataDir().resolve("outbox") + ")");
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 160 ? one.substring(0, 160) + "..." : one;
  }

  private static String slackEvent(Message m, String ts, String threadTs, String parentUser, int i) {
    ObjectNode root = JSON.createObjectNode();
    root.put("token", "demo");
    root.put("team_id", "T0DEMO001");
    root.put("api_app_id", "A0DEMO001");
    root.put("type", "event_callback");
    root.put("event_id", "Ev0DEMO" + String.format("%04d", i));
    root.put("event_time", Long.parseLong(ts.substring(0, ts.indexOf('.'))));
    ObjectNode e = root.putObject("event");
    e.put("type", "message");
    e.put("channel", "C0FEEDBACK");
    e.put("channel_type", "channel");
    e.put("user", m.user());
    e.put("text", m.text());
    e.put("ts", ts);
    e.put("event_ts", ts);
    if (threadTs != null) {
      e.put("thread_ts", threadTs);
      e.put("parent_user_id", parentUser);
    }
    ObjectNode profile = e.putObject("user_profile");
    profile.put("name", m.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
    profile.put("real_name", m.name());
    profile.put("display_name", m.name());
    return root.toString();
  }
}
