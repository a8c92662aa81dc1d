package dev.listeningpost.digest.sections;

import java.util.Comparator;
import java.util.List;

/** The built-in sections, for code that runs without the application context (tests, reports). */
public final class Sections {
  private Sections() {
  }

  public static List<DigestSection<?>> defaults() {
    return ordered(List.of(new ThemesSection(), new WaitingSection(), new AdvocatesSection(), new CommunitySection(),
        new IntroductionsSection(), new WhatWorkedSection(), new ChannelsSection(), new ChartsSection(), new LatestSection()));
  }

  /** By {@link DigestSection#order()}, then key. */
  public static List<DigestSection<?>> ordered(List<? extends DigestSection<?>> sections) {
    return sections.stream().<DigestSection<?>>map(s -> s)
        .sorted(Comparator.comparingInt((DigestSection<?> s) -> s.order()).thenComparing(DigestSection::key)).toList();
  }
}
