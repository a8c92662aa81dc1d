package dev.listeningpost.local;

import dev.listeningpost.local.invoke.SamTemplate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The template the local stack follows: the working directory's (the repository root) if there is one, else the jar's copy. */
final class TemplateFile {
  /** The bundled copy of the template, for a jar started outside the repository. */
  static final String BUNDLED_TEMPLATE = "/listening-post/template.yaml";

  private TemplateFile() {
  }

  static SamTemplate load(Path workingTemplate) throws IOException {
    if (Files.isRegularFile(workingTemplate)) {
      return SamTemplate.load(workingTemplate);
    }
    var in = TemplateFile.class.getResourceAsStream(BUNDLED_TEMPLATE);
    if (in == null) {
      throw new IOException("no " + workingTemplate + " and no bundled template in the jar");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return SamTemplate.read(r);
    }
  }
}
