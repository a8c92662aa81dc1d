package dev.listeningpost.digest.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listeningpost.digest.compose.Digest;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.wiring.DigestProperties;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestSizeTest {
  @Test
  void aWeekOfOneHundredThousandItemsAndTwoHundredThemesStaysUnderGmailsClip() {
    Digest d = new DigestCalculator(DigestProperties.Digest.defaults().composeOptions(), ThemeLabels.NONE)
        .calculate(BusyWeek.of(100_000, 200));
    RenderedDigest r = new DigestRenderer().render(d);
    int bytes = r.html().getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 102 * 1024, "HTML is " + bytes + " bytes");
    assertTrue(bytes <= DigestRenderer.HTML_BUDGET_BYTES, "HTML is " + bytes + " bytes");
    assertTrue(r.text().getBytes(StandardCharsets.UTF_8).length < 102 * 1024);
    assertTrue(r.subject().contains("90000 messages"), r.subject());
    long quoteLinks = Pattern.compile(">view</a>").matcher(r.html()).results().count();
    assertTrue(quoteLinks > 0 && quoteLinks <= 60, quoteLinks + " quotes");
    for (String section : new String[] {"Themes", "Waiting for an answer", "Channels", "The last 8 weeks"}) {
      assertTrue(r.html().contains(">" + section + "</h2>"), section + " kept, with less detail");
    }
  }
}
