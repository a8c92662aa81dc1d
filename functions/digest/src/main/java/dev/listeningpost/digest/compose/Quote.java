package dev.listeningpost.digest.compose;

import java.time.Instant;

/**
 * A short excerpt of a message, with who wrote it and where to read it.
 *
 * @param text      plain text, already shortened to {@link Quotes#MAX_CHARS}; not escaped (renderers escape)
 * @param permalink link to the message on its platform, may be null
 * @param sentiment sentiment label when analyzed, else null
 */
public record Quote(String text, String author, boolean staff, String channel, String permalink,
                    Instant createdAt, String sentiment) {
}
