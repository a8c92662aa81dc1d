package dev.listeningpost.analyze.themes;

/** A representative item of a theme, with a link back to the source where there is one. */
public record Quote(String itemId, String text, String permalink) {
}
