package dev.listeningpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final RouteTable TABLE = new RouteTable(List.of(
      new Route("POST", "/webhooks/{channel}", "ingest"),
      new Route("POST", "/webhooks/{channel}/{source}", "ingest-source"),
      new Route("GET", "/api/themes", "themes"),
      new Route("GET", "/api/themes/{id}", "theme"),
      new Route("get", "/files/{proxy+}", "files"),
      new Route("ANY", "/echo", "echo")));

  private static String target(String method, String path) {
    RouteTable.Lookup found = TABLE.lookup(method, path);
    return found.outcome() == RouteTable.Outcome.MATCHED ? found.route().target() : found.outcome().name();
  }

  @Test
  void aLiteralPathMatchesExactly() {
    assertEquals("themes", target("GET", "/api/themes"));
    assertEquals("NOT_FOUND", target("GET", "/api/theme"));
    assertEquals("NOT_FOUND", target("GET", "/api"));
  }

  @Test
  void aTrailingSlashIsAnotherPath() {
    assertEquals("NOT_FOUND", target("GET", "/api/themes/"));
  }

  @Test
  void aParameterMatchesOneNonEmptySegmentAndIsExtracted() {
    RouteTable.Lookup found = TABLE.lookup("GET", "/api/themes/t-1");
    assertEquals("theme", found.route().target());
    assertEquals(Map.of("id", "t-1"), found.params());
    assertEquals("NOT_FOUND", target("GET", "/api/themes/t-1/items"));
  }

  @Test
  void eachParameterIsExtractedByName() {
    RouteTable.Lookup found = TABLE.lookup("POST", "/webhooks/github/acme-widgets");
    assertEquals("ingest-source", found.route().target());
    assertEquals("github", found.param("channel"));
    assertEquals("acme-widgets", found.param("source"));
  }

  @Test
  void aGreedyParameterTakesTheRestOfThePath() {
    RouteTable.Lookup found = TABLE.lookup("GET", "/files/a/b/c.txt");
    assertEquals("files", found.route().target());
    assertEquals("a/b/c.txt", found.param("proxy"));
    assertEquals("NOT_FOUND", target("GET", "/files/"));
    assertEquals("NOT_FOUND", target("GET", "/files"));
  }

  @Test
  void methodsMatchInAnyCaseAndAnyMatchesEveryMethod() {
    assertEquals("files", target("get", "/files/x"));
    assertEquals("echo", target("DELETE", "/echo"));
    assertEquals("echo", target("OPTIONS", "/echo"));
  }

  @Test
  void anotherMethodOnARoutedPathIsNotAllowed() {
    RouteTable.Lookup found = TABLE.lookup("DELETE", "/api/themes/t-1");
    assertEquals(RouteTable.Outcome.METHOD_NOT_ALLOWED, found.outcome());
    assertEquals("theme", found.route().target());
  }

  @Test
  void optionsOnARoutedPathIsAPreflightForThePathsOwner() {
    RouteTable.Lookup found = TABLE.lookup("OPTIONS", "/webhooks/widget/acme");
    assertEquals(RouteTable.Outcome.PREFLIGHT, found.outcome());
    assertEquals("ingest-source", found.route().target());
    assertEquals("acme", found.param("source"));
  }

  @Test
  void anUnroutedPathIsNotFoundWhateverTheMethod() {
    RouteTable.Lookup found = TABLE.lookup("OPTIONS", "/nowhere");
    assertEquals(RouteTable.Outcome.NOT_FOUND, found.outcome());
    assertNull(found.route());
  }

  @Test
  void aLiteralSegmentWinsOverAParameterWhateverTheOrder() {
    RouteTable table = new RouteTable(List.of(new Route("GET", "/a/{x}", "param"), new Route("GET", "/a/b", "literal")));
    assertEquals("literal", table.lookup("GET", "/a/b").route().target());
    assertEquals("param", table.lookup("GET", "/a/c").route().target());
  }

  @Test
  void aParameterWinsOverAGreedyParameter() {
    RouteTable table = new RouteTable(List.of(new Route("GET", "/{proxy+}", "greedy"), new Route("GET", "/{x}", "param")));
    assertEquals("param", table.lookup("GET", "/a").route().target());
    assertEquals("greedy", table.lookup("GET", "/a/b").route().target());
  }

  @Test
  void aMethodWinsOverAny() {
    RouteTable table = new RouteTable(List.of(new Route("ANY", "/a", "any"), new Route("GET", "/a", "get")));
    assertEquals("get", table.lookup("GET", "/a").route().target());
    assertEquals("any", table.lookup("POST", "/a").route().target());
  }

  @Test
  void equallySpecificRoutesKeepTheirDeclarationOrder() {
    RouteTable table = new RouteTable(List.of(new Route("GET", "/a/{x}", "first"), new Route("GET", "/a/{y}", "second")));
    assertEquals("first", table.lookup("GET", "/a/b").route().target());
  }

  @Test
  void onlyTheLastSegmentMayBeGreedy() {
    assertThrows(IllegalArgumentException.class, () -> new Route("GET", "/{proxy+}/x", "bad"));
    assertThrows(IllegalArgumentException.class, () -> new Route("GET", "files", "bad"));
  }
}
