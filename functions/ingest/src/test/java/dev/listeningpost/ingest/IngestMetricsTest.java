package dev.listeningpost.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

  @Test
  void eachCountIsOneEmbeddedMetricFormatLinePerChannelAndInTotal() throws Exception {
    List<String> lines = new ArrayList<>();
    new IngestMetrics(lines::add).increment(IngestMetrics.UNPARSED, "slack", Instant.ofEpochMilli(1_795_255_200_000L));

    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertEquals(1_795_255_200_000L, line.at("/_aws/Timestamp").asLong());
    assertEquals("ListeningPost/Ingest", directive.get("Namespace").asText());
    assertEquals("[[\"Channel\"],[]]", directive.get("Dimensions").toString());
    assertEquals("UnparsedDeliveries", directive.at("/Metrics/0/Name").asText());
    assertEquals("slack", line.get("Channel").asText());
    assertEquals(1, line.get("UnparsedDeliveries").asInt());
  }
}
