package dev.listeningpost.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real dynoxide binary (installed by tools/install-dynoxide.sh when missing), over its HTTP API. */
class DynoxideServerIT {
  private static Path binary;

  @TempDir
  Path dir;

  @BeforeAll
  static void findBinary() {
    binary = DynoxideBinary.findOrInstall(System.getenv(), Path.of(System.getProperty("lp.root", "..")));
  }

  @Test
  void anInMemoryServerAnswersAndClosingStopsItsProcess() throws Exception {
    DynoxideServer server = DynoxideServer.start(binary, Optional.empty(), Optional.empty());
    ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
    assertTrue(call(server, "ListTables", "{}").contains("TableNames"));

    server.close();

    assertFalse(process.isAlive());
  }

  @Test
  void aPersistedServerKeepsItsItemsAcrossARestart() throws Exception {
    Path db = dir.resolve("data").resolve("test.db");
    try (DynoxideServer first = DynoxideServer.start(binary, Optional.of(db), Optional.of(dir.resolve("log")))) {
      call(first, "CreateTable", """
          {"TableName":"kept","BillingMode":"PAY_PER_REQUEST",
           "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
           "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}""");
      call(first, "PutItem", "{\"TableName\":\"kept\",\"Item\":{\"id\":{\"S\":\"kept\"}}}");
    }
    try (DynoxideServer second = DynoxideServer.start(binary, Optional.of(db), Optional.empty())) {
      String got = call(second, "GetItem", "{\"TableName\":\"kept\",\"Key\":{\"id\":{\"S\":\"kept\"}}}");
      assertTrue(got.contains("\"kept\""), got);
    }
  }

  @Test
  void twoServersGetTwoPorts() {
    try (DynoxideServer a = DynoxideServer.start(binary, Optional.empty(), Optional.empty());
         DynoxideServer b = DynoxideServer.start(binary, Optional.empty(), Optional.empty())) {
      assertFalse(a.endpoint().equals(b.endpoint()));
    }
  }

  private static String call(DynoxideServer server, String operation, String json) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(server.endpoint() + "/").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
    c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810." + operation);
    c.setRequestProperty("X-Amz-Date", "20260101T000000Z");
    c.setRequestProperty("Authorization",
        "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
    c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    int status = c.getResponseCode();
    String body = new String((status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(),
        StandardCharsets.UTF_8);
    assertEquals(200, status, operation + ": " + body);
    return body;
  }
}
