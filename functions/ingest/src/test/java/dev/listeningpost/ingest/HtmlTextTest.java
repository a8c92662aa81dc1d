package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void keepsTextDropsTagsQuotesAndScripts() {
    assertEquals("Hello & welcome\n- one\n- two\nbye :wave:",
        HtmlText.plain("<p>Hello &amp; welcome</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script>"
            + "<aside class=\"quote\"><blockquote>old</blockquote></aside><p>bye <img class=\"emoji\" alt=\":wave:\"></p>"));
    assertEquals("caf\u00e9 \u2014 \ud83d\ude4f &bogus;", HtmlText.plain("caf&#233; &#x2014; &#128591; &bogus;"));
    assertEquals("", HtmlText.plain(null));
  }
}
