package dev.listeningpost.ingest;

/**
 * @param maxBodyBytes largest webhook body accepted (413 above it); platforms send well under 1 MB
 */
public record IngestSettings(int maxBodyBytes) {
  public static final IngestSettings DEFAULTS = new IngestSettings(1_048_576);
}
