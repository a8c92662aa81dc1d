package dev.listeningpost.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The two read operations of SSM Parameter Store the ingest function uses, GetParameters and
 * GetParameter (AWS JSON 1.1 protocol), on a loopback port: there is no SSM emulator in the build,
 * and this lets the real {@code SsmSecretResolver} and SDK client run as in Lambda
 * ({@code SECRETS_SOURCE=ssm}). A function of the parameter name gives its value (null = absent).
 */
final class FakeSsm implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Function<String, String> values;

  FakeSsm(Function<String, String> values) {
    this.values = values;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      ObjectNode response = JSON.createObjectNode();
      int status = 200;
      switch (target) {
        case "AmazonSSM.GetParameters" -> {
          ArrayNode found = response.putArray("Parameters");
          ArrayNode invalid = response.putArray("InvalidParameters");
          request.path("Names").forEach(n -> {
            String value = values.apply(n.asText());
            if (value == null) {
              invalid.add(n.asText());
            } else {
              found.add(parameter(n.asText(), value));
            }
          });
        }
        case "AmazonSSM.GetParameter" -> {
          String name = request.path("Name").asText();
          String value = values.apply(name);
          if (value == null) {
            status = 400;
            response.put("__type", "ParameterNotFound").put("message", name);
          } else {
            response.set("Parameter", parameter(name, value));
          }
        }
        default -> {
          status = 400;
          response.put("__type", "InvalidAction").put("message", "not emulated: " + target);
        }
      }
      byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static ObjectNode parameter(String name, String value) {
    return JSON.createObjectNode().put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
