package dev.listeningpost.feedback.store;

/**
 * The themes table's storage contract, declared once: the nightly themes job (analyze module)
 * writes it, the read API and the digest read it. A generic pk/sk table ({@link KeyedTable}):
 *
 * <pre>
 * pk = theme   sk = theme id      a theme: label, terms, centroid, size, status, quotes, weekly counts
 * pk = sample  sk = generation#n  the job's bounded sample, as compressed chunks
 * pk = job     sk = state         the job state (watermark, generation)
 * </pre>
 */
public final class ThemeTable {
  public static final String PK = KeyedTable.PK;
  public static final String SK = KeyedTable.SK;

  /** Partition of the themes; the sort key is the theme id. */
  public static final String THEME_PARTITION = "theme";
  public static final String SAMPLE_PARTITION = "sample";
  public static final String JOB_PARTITION = "job";
  public static final String JOB_STATE_SORT = "state";

  // A theme.
  public static final String LABEL = "label";
  public static final String TERMS = "terms";
  public static final String CENTROID = "centroid";
  public static final String SIZE = "size";
  public static final String STATUS = "status";
  /** Set on a theme merged into another: readers follow it to the surviving theme's label. */
  public static final String MERGED_INTO = "mergedInto";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  public static final String QUOTE_IDS = "quoteIds";
  public static final String QUOTE_TEXTS = "quoteTexts";
  public static final String QUOTE_LINKS = "quoteLinks";
  public static final String WEEKLY = "weekly";

  // A sample chunk.
  public static final String DATA = "data";

  // The job state.
  public static final String WATERMARK = "watermark";
  public static final String LAST_RUN = "lastRun";
  public static final String GENERATION = "generation";
  public static final String CHUNKS = "chunks";
  /** True once the watermark is an analysis time (the job reads byAnalyzedDay). */
  public static final String BY_ANALYSIS = "byAnalysis";

  private ThemeTable() {
  }
}
