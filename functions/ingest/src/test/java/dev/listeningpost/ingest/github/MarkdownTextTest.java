package dev.listeningpost.ingest.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
  @Test
  void stripsSyntaxButKeepsWordsAndCode() {
    assertEquals("Title\nbold and italic and strike, a link and alt text",
        MarkdownText.plain("# Title\n**bold** and _italic_ and ~~strike~~, [a link](https://x.y) and ![alt text](i.png)"));
    assertEquals("run:\nmvn -q install\ndone", MarkdownText.plain("run:\n```bash\nmvn -q install\n```\ndone"));
    assertEquals("snake_case_name stays, a < b & c", MarkdownText.plain("snake_case_name stays, a &lt; b &amp; c"));
    assertEquals("my reply", MarkdownText.plain("> someone else's words\n\nmy reply"));
    assertEquals("", MarkdownText.plain(null));
  }
}
