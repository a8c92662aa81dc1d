package dev.listeningpost.local;

import java.util.concurrent.CountDownLatch;

/** Entry point of {@code listening-post-local.jar}. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("invoke")) {
      // Exit at once: a timed-out handler may still run, and the handler's threads must not keep the JVM.
      int code = InvokeCommand.run(args, System.getenv(), System.in, System.out, System.err);
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(code);
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    switch (options.command()) {
      case "help" -> System.out.println(Options.USAGE);
      case "cluster", "sentiment" -> System.exit(OfflineCommands.run(options));
      default -> serve(options);
    }
  }

  private static void serve(Options options) throws Exception {
    LocalPipeline pipeline;
    try {
      pipeline = LocalPipeline.start(options, System.getenv());
    } catch (LocalDynamo.MissingEmulatorException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM / Ctrl-C: stop HTTP, close the context, SIGTERM dynoxide (it finishes its SQLite writes).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      pipeline.close();
      stopped.countDown();
    }, "shutdown"));
    String base = "http://localhost:" + pipeline.port();
    System.out.println("Listening Post is listening on " + base
        + (pipeline.host().equals(LocalServer.DEFAULT_HOST) ? "" : " (bound to " + pipeline.host() + ")"));
    System.out.println("  storage:   " + pipeline.storage());
    System.out.println("  webhooks:  POST " + base + "/webhooks/{channel}[/{source}]");
    System.out.println("  feedback:  GET  " + base + "/api/feedback");
    System.out.println("  digest:    GET  " + base + "/digests/latest | /digests/YYYY-Www[?preview=true]   (outbox: "
        + pipeline.dataDir().resolve("outbox") + ")");
    System.out.println("  jobs:      POST " + base + "/local/jobs/analyze | themes | digest?period=YYYY-Www | expire");
    for (var s : pipeline.schedules()) {
      System.out.println("  schedule:  " + s.functionId() + " " + s.expression() + " (" + s.timeZone() + "), next "
          + s.next().map(Object::toString).orElse("never"));
    }
    if (options.demo()) {
      Demo.run(pipeline, System.out);
    }
    System.out.flush();
    stopped.await();
  }
}
