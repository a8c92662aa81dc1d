package dev.listeningpost.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}; {@code -Dlp.chromium=/path} names another binary) rendering an email's
 * HTML as a mail client of a given width would: for layout measurements ({@code --dump-dom}) and screenshots.
 *
 * <p>The email is shown in an iframe of exactly that width: headless Chromium lays a window out at least 500 px
 * wide whatever {@code --window-size} says (a 390 px screenshot is a crop of a 500 px layout), while an
 * iframe's document gets the iframe's width as its viewport, as a phone's mail app gives its screen's.
 */
final class Chromium {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MEASURE = Pattern.compile("<pre id=\"lp-measure\">(.*?)</pre>", Pattern.DOTALL);

  private final String binary;
  private final Path work;

  private Chromium(String binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** Chromium if installed ({@code lp.chromium}, else chromium / chromium-browser / google-chrome on the PATH). */
  static Optional<Chromium> find(Path work) {
    String configured = System.getProperty("lp.chromium");
    List<String> candidates = configured != null && !configured.isBlank() ? List.of(configured)
        : List.of("chromium", "chromium-browser", "google-chrome");
    for (String c : candidates) {
      Optional<Path> found = c.contains(File.separator) ? Optional.of(Path.of(c)).filter(Files::isExecutable)
          : onPath(c);
      if (found.isPresent()) {
        return Optional.of(new Chromium(found.get().toString(), work));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * What the email's document looks like at that width.
   *
   * @param viewport    the document's viewport width (the iframe's)
   * @param scrollWidth the document's scroll width: more than the viewport = a horizontal scrollbar
   * @param widest      the rightmost edge of any rendered element
   * @param height      the document's height
   * @param text        the visible text ({@code innerText})
   */
  record Layout(int viewport, int scrollWidth, int widest, int height, String text) {
  }

  Layout measure(String html, int width, boolean images) throws IOException, InterruptedException {
    Path page = harness(html, width, 800, true);
    String dom = run(List.of("--window-size=" + Math.max(width, 500) + ",900", "--virtual-time-budget=5000",
        "--run-all-compositor-stages-before-draw", "--dump-dom", page.toUri().toString()), images);
    Matcher m = MEASURE.matcher(dom);
    if (!m.find()) {
      throw new IllegalStateException("chromium printed no measurement: " + dom.substring(0, Math.min(500, dom.length())));
    }
    JsonNode n = JSON.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    return new Layout(n.get("viewport").asInt(), n.get("scrollWidth").asInt(), n.get("widest").asInt(),
        n.get("height").asInt(), n.get("text").asText());
  }

  /** A PNG of the whole email at that width. */
  void screenshot(String html, int width, Path png) throws IOException, InterruptedException {
    int height = measure(html, width, true).height();
    Path page = harness(html, width, height, false);
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
        page.toUri().toString()), true);
    if (!Files.isRegularFile(png)) {
      throw new IllegalStateException("chromium wrote no screenshot " + png);
    }
  }

  private Path harness(String html, int width, int height, boolean measure) throws IOException {
    String script = !measure ? "" : """
        <script>window.addEventListener('load', function () {
          var f = document.getElementById('d'), w = f.contentWindow, d = f.contentDocument, widest = 0;
          d.querySelectorAll('body *').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.width > 0 && r.height > 0 && r.right > widest) { widest = r.right; }
          });
          var p = document.createElement('pre');
          p.id = 'lp-measure';
          p.textContent = JSON.stringify({viewport: w.innerWidth, scrollWidth: d.documentElement.scrollWidth,
            widest: Math.ceil(widest), height: d.documentElement.scrollHeight, text: d.body.innerText});
          document.body.appendChild(p);
        });</script>""";
    String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0}"
        + "iframe{border:0;display:block}</style></head><body><iframe id=\"d\" scrolling=\"no\" width=\"" + width
        + "\" height=\"" + height + "\" srcdoc=\"" + html.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>"
        + script + "</body></html>";
    Files.createDirectories(work);
    return Files.writeString(Files.createTempFile(work, "email-", ".html"), page, StandardCharsets.UTF_8);
  }

  private String run(List<String> args, boolean images) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--mute-audio",
        "--user-data-dir=" + Files.createTempDirectory(work, "profile-")));
    if (!images) {
      cmd.add("--blink-settings=imagesEnabled=false");
    }
    cmd.addAll(args);
    Path out = Files.createTempFile(work, "chromium-", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        throw new IllegalStateException("chromium did not finish in 90 s: " + cmd);
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
