package dev.listeningpost.digest.render;

/** A digest as an email: subject, HTML part and plain-text part. */
public record RenderedDigest(String subject, String html, String text) {
}
