package dev.listeningpost.ingest;

/**
 * @param maxBodyBytes largest webhook body accepted (413 above it); defaults and configuration in
 *                     {@code IngestProperties}
 */
public record IngestSettings(int maxBodyBytes) {
}
