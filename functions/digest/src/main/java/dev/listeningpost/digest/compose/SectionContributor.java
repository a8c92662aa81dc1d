package dev.listeningpost.digest.compose;

import java.util.Optional;

/**
 * Adds a section to every digest. Implement it as a bean (any module on the classpath) to add
 * an analysis to the email; return empty when there is nothing worth saying this period.
 */
public interface SectionContributor {
  Optional<Section> contribute(PeriodFeedback feedback);
}
