package dev.listeningpost.ingest;

import dev.listeningpost.http.HttpRequest;
import dev.listeningpost.ingest.discord.DiscordAdapter;
import dev.listeningpost.ingest.discourse.DiscourseAdapter;
import dev.listeningpost.ingest.github.GitHubAdapter;
import dev.listeningpost.ingest.intercom.IntercomAdapter;
import dev.listeningpost.ingest.meta.MetaAdapter;
import dev.listeningpost.ingest.slack.SlackAdapter;
import dev.listeningpost.ingest.typeform.TypeformAdapter;
import dev.listeningpost.ingest.widget.WidgetAdapter;
import dev.listeningpost.ingest.wiring.IngestProperties;
import dev.listeningpost.ingest.x.XAdapter;
import dev.listeningpost.ingest.zendesk.ZendeskAdapter;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every channel with its test secrets and a signer that plays the platform: the shared bad-input
 * IT and the fuzz properties run over this list, so a new channel is covered by adding one entry.
 */
public final class ChannelFixtures {
  public static final String SLACK = "slack-secret";
  public static final String GITHUB = "github-secret";
  public static final String DISCOURSE = "discourse-secret";
  public static final String INTERCOM = "intercom-secret";
  public static final String ZENDESK = "zendesk-secret";
  public static final String TYPEFORM = "typeform-secret";
  public static final String X = "x-consumer-secret";
  public static final String META = "meta-app-secret";
  public static final String META_VERIFY = "meta-verify-token";
  public static final String WIDGET_KEY = "wk_live_4f9a1c2e";
  public static final String WIDGET_SECRET = "widget-signing-secret";
  public static final KeyPair DISCORD = TestRequests.DISCORD_KEYS;

  private ChannelFixtures() {
  }

  /**
   * @param channel  channel name
   * @param sample   a sample that stores exactly one item
   * @param sign     signs a body as the platform would, at a given time, with the right secret
   * @param forge    signs a body with a wrong secret or key
   */
  public record Fixture(String channel, String sample, String secretVar, BiFunction<byte[], Instant, HttpRequest> sign,
                        BiFunction<byte[], Instant, HttpRequest> forge) {
    @Override
    public String toString() {
      return channel;
    }
  }

  public static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_SIGNING_SECRET", SLACK);
    env.put("GITHUB_WEBHOOK_SECRET", GITHUB);
    env.put("DISCOURSE_WEBHOOK_SECRET", DISCOURSE);
    env.put("INTERCOM_CLIENT_SECRET", INTERCOM);
    env.put("ZENDESK_SIGNING_SECRET", ZENDESK);
    env.put("TYPEFORM_WEBHOOK_SECRET", TYPEFORM);
    env.put("X_CONSUMER_SECRET", X);
    env.put("META_APP_SECRET", META);
    env.put("META_VERIFY_TOKEN", META_VERIFY);
    env.put("DISCORD_PUBLIC_KEY", TestRequests.discordPublicKeyHex(DISCORD));
    env.put("WIDGET_ACME_API_KEY", WIDGET_KEY);
    env.put("WIDGET_ACME_SIGNING_SECRET", WIDGET_SECRET);
    env.put("WIDGET_ACME_ALLOWED_ORIGINS", "https://app.example.com, https://www.example.com");
    return env;
  }

  public static List<ChannelAdapter> adapters() {
    return List.of(new SlackAdapter(), new GitHubAdapter(), new DiscourseAdapter(), new IntercomAdapter(),
        new ZendeskAdapter(), new TypeformAdapter(), new XAdapter(), new MetaAdapter(), new DiscordAdapter(),
        new WidgetAdapter(IngestProperties.Widget.defaults().settings()));
  }

  private static final KeyPair OTHER_DISCORD = TestRequests.ed25519();

  public static List<Fixture> all() {
    return List.of(
        new Fixture("slack", "ingest/slack/message.json", "SLACK_SIGNING_SECRET",
            (b, t) -> TestRequests.slack(SLACK, t, b), (b, t) -> TestRequests.slack("nope", t, b)),
        new Fixture("github", "ingest/github/issue-comment-member.json", "GITHUB_WEBHOOK_SECRET",
            (b, t) -> TestRequests.github(GITHUB, "issue_comment", "9c0e5a70-c6f1-11f0-8a1b-1e2c3d4e5f60", b),
            (b, t) -> TestRequests.github("nope", "issue_comment", "9c0e5a70-c6f1-11f0-8a1b-1e2c3d4e5f60", b)),
        new Fixture("discourse", "ingest/discourse/post-created.json", "DISCOURSE_WEBHOOK_SECRET",
            (b, t) -> TestRequests.discourse(DISCOURSE, "post_created", b), (b, t) -> TestRequests.discourse("nope", "post_created", b)),
        new Fixture("intercom", "ingest/intercom/conversation-user-created.json", "INTERCOM_CLIENT_SECRET",
            (b, t) -> TestRequests.intercom(INTERCOM, b), (b, t) -> TestRequests.intercom("nope", b)),
        new Fixture("zendesk", "ingest/zendesk/ticket-created.json", "ZENDESK_SIGNING_SECRET",
            (b, t) -> TestRequests.zendesk(ZENDESK, t, b), (b, t) -> TestRequests.zendesk("nope", t, b)),
        new Fixture("typeform", "ingest/typeform/form-response.json", "TYPEFORM_WEBHOOK_SECRET",
            (b, t) -> TestRequests.typeform(TYPEFORM, b), (b, t) -> TestRequests.typeform("nope", b)),
        new Fixture("x", "ingest/x/tweet-create-mention.json", "X_CONSUMER_SECRET",
            (b, t) -> TestRequests.x(X, b), (b, t) -> TestRequests.x("nope", b)),
        new Fixture("meta", "ingest/meta/page-feed-comment.json", "META_APP_SECRET",
            (b, t) -> TestRequests.meta(META, b), (b, t) -> TestRequests.meta("nope", b)),
        new Fixture("discord", "ingest/discord/slash-feedback.json", "DISCORD_PUBLIC_KEY",
            (b, t) -> TestRequests.discord(DISCORD, t, b), (b, t) -> TestRequests.discord(OTHER_DISCORD, t, b)),
        new Fixture("widget", "ingest/widget/feedback.json", "WIDGET_ACME_SIGNING_SECRET",
            (b, t) -> TestRequests.widgetHmac("acme", WIDGET_SECRET, b), (b, t) -> TestRequests.widgetKey("acme", "wk_guess", b)));
  }
}
