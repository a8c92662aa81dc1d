package dev.listeningpost.bench.coldstart.plain;

import dev.listeningpost.digest.DigestSettings;
import dev.listeningpost.digest.archive.DigestArchive;
import dev.listeningpost.digest.compose.DigestComposer;
import dev.listeningpost.digest.compose.StoredThemeLabels;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.render.DigestRenderer;
import dev.listeningpost.digest.sections.Sections;
import dev.listeningpost.digest.wiring.DigestProperties;
import dev.listeningpost.feedback.store.FeedbackStore;
import dev.listeningpost.feedback.store.AwsEndpoints;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The digest artifact's services as DigestFactory wires them, from the same environment variables. */
final class PlainDigest {
  final PlainWiring w;
  final FeedbackStore feedback;
  final DigestProperties.Digest props;
  final DigestSettings settings;
  final ThemeLabels labels;
  final DigestComposer composer;
  final DigestRenderer renderer = new DigestRenderer();
  final DigestArchive archive;
  final Clock clock = Clock.systemUTC();

  /** Same as DigestFactory's SES client. */
  static SesV2Client ses(PlainWiring w) {
    return AwsEndpoints.configure(SesV2Client.builder(), w.get("SES_ENDPOINT", ""))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  PlainDigest() {
    w = new PlainWiring(System.getenv());
    feedback = w.feedbackStore();
    DigestProperties.Digest d = PlainDefaults.Digest.DIGEST;
    props = new DigestProperties.Digest(w.get("DIGEST_TIME_ZONE", d.timeZone()), w.get("DIGEST_SENDER", d.sender()),
        w.get("DIGEST_RECIPIENTS", d.recipients()), w.get("DIGEST_OUTBOX_DIR", d.outboxDir()), d.quotes(), d.replySla(),
        d.listLimit(), w.get("DIGEST_CAMPAIGNS", d.campaigns()), w.get("DIGEST_PUBLIC_BASE_URL", d.publicBaseUrl()),
        w.get("DIGEST_LIST_ID", d.listId()), w.get("DIGEST_UNSUBSCRIBE_EMAIL", d.unsubscribeEmail()),
        w.get("DIGEST_UNSUBSCRIBE_URL", d.unsubscribeUrl()));
    settings = props.settings();
    labels = new StoredThemeLabels(w.dynamo, w.themeTable());
    composer = new DigestComposer(feedback, labels, Sections.defaults(), props.composeOptions(), w.voice(), clock);
    archive = new DigestArchive(w.dynamo, w.digestTable());
  }
}
