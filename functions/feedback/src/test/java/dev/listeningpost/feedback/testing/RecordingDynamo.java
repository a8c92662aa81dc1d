package dev.listeningpost.feedback.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real {@link DynamoDbClient} (marshalling, signing, unmarshalling) whose HTTP client records each request's
 * operation and table and answers every one with an empty result ({@code {}}: no item, no items), no network.
 * For tests that must show which calls code makes, e.g. that SnapStart priming only reads.
 */
public final class RecordingDynamo {
  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems", "CreateTable", "UpdateTable", "DeleteTable");

  /** One request: the operation ({@code GetItem}) and its JSON body. */
  public record Call(String operation, String body) {
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final DynamoDbClient client;

  public RecordingDynamo() {
    SdkHttpClient http = new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
          @Override
          public HttpExecuteResponse call() {
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?");
            String body = "";
            if (request.contentStreamProvider().isPresent()) {
              try (var in = request.contentStreamProvider().get().newStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
            calls.add(new Call(target.substring(target.indexOf('.') + 1), body));
            return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .build();
          }

          @Override
          public void abort() {
          }
        };
      }

      @Override
      public void close() {
      }
    };
    client = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1)
        .endpointOverride(java.net.URI.create("http://recording.invalid"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
  }

  public DynamoDbClient client() {
    return client;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The operations made, in order. */
  public List<String> operations() {
    return calls.stream().map(Call::operation).toList();
  }

  /** The calls that would change a table. */
  public List<Call> writes() {
    return calls.stream().filter(c -> WRITES.contains(c.operation())).toList();
  }

  public void clear() {
    calls.clear();
  }
}
