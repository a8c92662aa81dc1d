package dev.listeningpost.bench.ingest.adapters;

import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.ChannelAdapter;
import dev.listeningpost.ingest.ChannelContext;
import dev.listeningpost.ingest.Delivery;
import dev.listeningpost.ingest.Signatures;
import dev.listeningpost.ingest.discord.DiscordAdapter;
import dev.listeningpost.ingest.discourse.DiscourseAdapter;
import dev.listeningpost.ingest.github.GitHubAdapter;
import dev.listeningpost.ingest.intercom.IntercomAdapter;
import dev.listeningpost.ingest.meta.MetaAdapter;
import dev.listeningpost.ingest.secrets.EnvironmentSecretResolver;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.staff.ConfiguredStaffDirectory;
import dev.listeningpost.ingest.typeform.TypeformAdapter;
import dev.listeningpost.ingest.widget.WidgetAdapter;
import dev.listeningpost.ingest.widget.WidgetSettings;
import dev.listeningpost.ingest.x.XAdapter;
import dev.listeningpost.ingest.zendesk.ZendeskAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verify + parse throughput of each channel adapter on its sample event (no storage): the CPU cost
 * an ingest invocation pays per delivery before DynamoDB. Run from the repo root:
 * {@code java -jar bench/target/benchmarks.jar AdapterThroughputBenchmark -p lp.root=$PWD}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdapterThroughputBenchmark {
  private static final String SECRET = "bench-secret";
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Param({"slack", "github", "discourse", "intercom", "zendesk", "typeform", "x", "meta", "discord", "widget"})
  public String channel;

  /** Repository root (events/ lives there); defaults to the working directory. */
  @Param({"."})
  public String root;

  private ChannelAdapter adapter;
  private HttpRequest request;
  private ChannelContext context;

  @Setup
  public void setUp() throws Exception {
    Map<String, String> env = new HashMap<>();
    KeyPair discord = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] x509 = discord.getPublic().getEncoded();
    for (String var : new String[] {"SLACK_SIGNING_SECRET", "GITHUB_WEBHOOK_SECRET", "DISCOURSE_WEBHOOK_SECRET",
        "INTERCOM_CLIENT_SECRET", "ZENDESK_SIGNING_SECRET", "TYPEFORM_WEBHOOK_SECRET", "X_CONSUMER_SECRET",
        "META_APP_SECRET", "WIDGET_BENCH_SIGNING_SECRET"}) {
      env.put(var, SECRET);
    }
    env.put("DISCORD_PUBLIC_KEY", HexFormat.of().formatHex(x509, x509.length - 32, x509.length));
    Map<String, String> h = new HashMap<>();
    h.put("Content-Type", "application/json");
    String path = "/webhooks/" + channel;
    String source = null;
    byte[] body;
    switch (channel) {
      case "slack" -> {
        adapter = new SlackAdapter();
        body = event("slack/message.json");
        String ts = Long.toString(NOW.getEpochSecond());
        h.put("X-Slack-Request-Timestamp", ts);
        h.put("X-Slack-Signature", "v0=" + Signatures.hmacSha256Hex(SECRET, ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8), body));
      }
      case "github" -> {
        adapter = new GitHubAdapter();
        body = event("github/issue-comment-created.json");
        h.put("X-GitHub-Event", "issue_comment");
        h.put("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        h.put("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(SECRET, body));
      }
      case "discourse" -> {
        adapter = new DiscourseAdapter();
        body = event("discourse/post-created.json");
        h.put("X-Discourse-Event", "post_created");
        h.put("X-Discourse-Instance", "https://forum.example.com");
        h.put("X-Discourse-Event-Signature", "sha256=" + Signatures.hmacSha256Hex(SECRET, body));
      }
      case "intercom" -> {
        adapter = new IntercomAdapter();
        body = event("intercom/conversation-admin-replied.json");
        h.put("X-Hub-Signature", "sha1=" + Signatures.hmacSha1Hex(SECRET, body));
      }
      case "zendesk" -> {
        adapter = new ZendeskAdapter();
        source = "acme";
        body = event("zendesk/ticket-comment-added.json");
        String ts = NOW.toString();
        h.put("X-Zendesk-Webhook-Signature-Timestamp", ts);
        h.put("X-Zendesk-Webhook-Signature", Signatures.hmacSha256Base64(SECRET, ts.getBytes(StandardCharsets.UTF_8), body));
      }
      case "typeform" -> {
        adapter = new TypeformAdapter();
        body = event("typeform/form-response.json");
        h.put("Typeform-Signature", "sha256=" + Signatures.hmacSha256Base64(SECRET, body));
      }
      case "x" -> {
        adapter = new XAdapter();
        body = event("x/tweet-create-mention.json");
        h.put("x-twitter-webhooks-signature", "sha256=" + Signatures.hmacSha256Base64(SECRET, body));
      }
      case "meta" -> {
        adapter = new MetaAdapter();
        body = event("meta/page-feed-comment.json");
        h.put("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(SECRET, body));
      }
      case "discord" -> {
        adapter = new DiscordAdapter();
        body = event("discord/slash-feedback.json");
        String ts = Long.toString(NOW.getEpochSecond());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(discord.getPrivate());
        signer.update(ts.getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        h.put("X-Signature-Timestamp", ts);
        h.put("X-Signature-Ed25519", HexFormat.of().formatHex(signer.sign()));
      }
      case "widget" -> {
        // a high limit: the benchmark measures parsing, not the 429 path
        adapter = new WidgetAdapter(new WidgetSettings(5000, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2));
        source = "bench";
        body = event("widget/feedback.json");
        h.put("X-Signature", "sha256=" + Signatures.hmacSha256Hex(SECRET, body));
      }
      default -> throw new IllegalArgumentException(channel);
    }
    request = new HttpRequest("POST", source == null ? path : path + "/" + source, h, Map.of(), body);
    context = new ChannelContext(channel, source, NOW, new EnvironmentSecretResolver(env),
        new ConfiguredStaffDirectory("github:maria-acme, *:@acme.example"));
    // fail fast if the setup is wrong rather than measuring exceptions
    if (verifyAndParse().changes().isEmpty()) {
      throw new IllegalStateException(channel + " sample produced no change");
    }
  }

  private byte[] event(String name) {
    try {
      return Files.readAllBytes(Path.of(root, "events", "ingest", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public Delivery verifyAndParse() {
    adapter.verify(request, context);
    return adapter.parse(request, context);
  }
}
