package dev.listeningpost.ingest.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlackTextTest {
  @Test
  void stripsMrkdwnLinksMentionsAndEscapes() {
    assertEquals("hey @ada see docs and #general", SlackText.plain("hey <@U123|ada> see <https://x.dev/docs|docs> and <#C1|general>"));
    assertEquals("bold italic strike code", SlackText.plain("*bold* _italic_ ~strike~ `code`"));
    assertEquals("a < b & c > d", SlackText.plain("a &lt; b &amp; c &gt; d"));
    assertEquals("https://x.dev", SlackText.plain("<https://x.dev>"));
    assertEquals("@here ping", SlackText.plain("<!here> ping"));
    assertEquals("snake_case_name stays", SlackText.plain("snake_case_name stays"));
    assertEquals("select 1", SlackText.plain("```select 1```"));
  }

  @Test
  void collapsesRunsOfBlanksAndOfBlankLines() {
    assertEquals("a b\n\nc\nd", SlackText.plain("a \t  b\n\n\n\nc\nd  "));
  }
}
