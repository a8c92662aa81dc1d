package dev.listeningpost.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * events/local/mixed-week.jsonl as the Slack Events API deliveries of ISO week 2025-W47: customers on
 * six topics, canned staff replies in their threads, member-to-member replies.
 */
public final class MixedWeek {
  public static final String PERIOD = "2025-W47";
  public static final String SINCE = "2025-11-17";
  public static final String UNTIL = "2025-11-24";
  /** The Slack users the fixture's staff replies come from (INGEST_STAFF). */
  public static final String STAFF = "slack:U0STAFF001,slack:U0STAFF002";
  private static final Instant MONDAY = Instant.parse("2025-11-17T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message of the week and its delivery. */
  public record Message(JsonNode line, byte[] delivery) {
    public String text() {
      return line.get("text").asText();
    }

    public String topic() {
      return line.get("topic").asText();
    }

    public boolean staff() {
      return topic().equals("staff");
    }
  }

  private MixedWeek() {
  }

  public static List<Message> messages() {
    Path fixture = Path.of(System.getProperty("lp.root", "..")).resolve("events/local/mixed-week.jsonl");
    List<Message> out = new ArrayList<>();
    Map<String, String> tsOfKey = new HashMap<>();
    try {
      List<String> lines = Files.readAllLines(fixture);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode m = JSON.readTree(lines.get(i));
        String ts = MONDAY.plusSeconds(m.get("day").asLong() * 86_400 + i * 60L).getEpochSecond() + ".000100";
        tsOfKey.put(m.get("key").asText(), ts);
        String parent = m.hasNonNull("replyTo") ? tsOfKey.get(m.get("replyTo").asText()) : null;
        out.add(new Message(m, event(m, ts, parent, i)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static byte[] event(JsonNode m, String ts, String threadTs, int i) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "event_callback").put("team_id", "T0MIXED01").put("api_app_id", "A0MIXED01")
        .put("event_id", "Ev0MIXED" + i).put("event_time", Long.parseLong(ts.substring(0, ts.indexOf('.'))));
    ObjectNode e = root.putObject("event");
    e.put("type", "message").put("channel", "C0COMMUNITY").put("channel_type", "channel")
        .put("user", m.get("user").asText()).put("text", m.get("text").asText()).put("ts", ts).put("event_ts", ts);
    if (threadTs != null) {
      e.put("thread_ts", threadTs);
    }
    e.putObject("user_profile").put("real_name", m.get("name").asText()).put("display_name", m.get("name").asText());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
