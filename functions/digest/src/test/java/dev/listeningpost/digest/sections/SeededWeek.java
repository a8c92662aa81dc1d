package dev.listeningpost.digest.sections;

import static dev.listeningpost.digest.Items.post;
import static dev.listeningpost.digest.Items.reply;
import static dev.listeningpost.digest.Items.withSentiment;

import dev.listeningpost.digest.compose.ComposeOptions;
import dev.listeningpost.digest.compose.DigestCalculator;
import dev.listeningpost.digest.compose.PeriodFeedback;
import dev.listeningpost.digest.compose.PeriodSummary;
import dev.listeningpost.digest.compose.ThemeLabels;
import dev.listeningpost.digest.period.ReportingPeriod;
import dev.listeningpost.feedback.Feedback;
import dev.listeningpost.feedback.Feedback.Author;
import dev.listeningpost.feedback.voice.CustomerVoice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A week whose right answers are known, with eight weeks of history before it.
 *
 * <p>History (each of the 8 weeks): P0..P9 post about login on slack (neutral), P0 and P1 about billing,
 * F0..F14 post on the forum (positive), P1 answers P0 twice, staff answer twice; Grace posts in the two
 * most recent weeks.
 *
 * <p>This week (W47), customers only: 33 messages from 30 people.
 * <ul>
 *   <li>Waiting (SLA 48 h): Ada (2 messages, one a complaint), then Lin (a complaint), then Max (a
 *       question, the oldest). Zoe's thanks needs no answer. Bob was answered late (60 h), Alan by staff
 *       in 2 h, Zoe's question by Grace in 1 h: median first response 2 h, 2 of 7 answered in time.</li>
 *   <li>A staff post about pricing drew 12 negative member replies (R0..R11, theme billing): billing is
 *       the fastest riser (14 messages).</li>
 *   <li>The forum went from 15 messages a week to 1: silent.</li>
 *   <li>Advocates: Grace (answered Zoe, positive, 3 weeks in a row), then Fay (positive, 9 weeks), then
 *       Zoe. Staff and the brand handle @acmehelp never count.</li>
 *   <li>Introductions: billing: Max and R0; login: P0 and P1.</li>
 * </ul>
 */
public final class SeededWeek {
  public static final ReportingPeriod W47 = ReportingPeriod.parse("2026-W47", ZoneOffset.UTC);
  public static final Instant NOW = W47.end().plus(Duration.ofHours(6));
  public static final CustomerVoice VOICE = CustomerVoice.of("Acme, @AcmeHelp");
  public static final ComposeOptions OPTIONS = new ComposeOptions(3, Duration.ofHours(48), 8,
      List.of("#darkmode", "export"), "https://digest.example.com/");
  public static final ThemeLabels LABELS = ids -> Map.of("t-billing", "Billing", "t-login", "Login");

  public static final Author STAFF = new Author("U-STAFF", "sam", "Sam from Support", true);
  public static final Author BRAND = new Author("U-BRAND", "AcmeHelp", "Acme Help", false);
  public static final Author ADA = member("ADA", "ada", "Ada Lovelace");
  public static final Author MAX = member("MAX", "max", "Max Planck");
  public static final Author LIN = member("LIN", "lin", "Lin Yutang");
  public static final Author ZOE = member("ZOE", "zoe", "Zoe Saldana");
  public static final Author ALAN = member("ALAN", "alan", "Alan Turing");
  public static final Author BOB = member("BOB", "bob", "Bob Kahn");
  public static final Author GRACE = member("GRACE", "grace", "Grace Hopper");
  public static final Author FAY = member("F0", "fay", "Fay Forum");

  private SeededWeek() {
  }

  static Author member(String id, String handle, String name) {
    return new Author("U-" + id, handle, name, false);
  }

  static Instant at(int day, int hour) {
    return W47.start().plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
  }

  private static Feedback s(Feedback f, String label, String theme) {
    double score = switch (label) {
      case "positive" -> 0.6;
      case "negative" -> -0.6;
      default -> 0.0;
    };
    return withSentiment(f, score, label, theme);
  }

  /** This week's items, staff and brand included. */
  public static List<Feedback> items() {
    List<Feedback> out = new ArrayList<>();
    Feedback maxQ = s(post("max-q", MAX, at(0, 9), "Why was I charged twice?"), "neutral", "t-billing");
    Feedback bobQ = s(post("bob-q", BOB, at(0, 12), "Can I export to CSV?"), "neutral", null);
    Feedback pricing = post("pricing", STAFF, at(0, 14), "We changed our pricing, details inside");
    Feedback adaQ1 = s(post("ada-q1", ADA, at(1, 10), "How do I export invoices?"), "neutral", null);
    Feedback alanQ = s(post("alan-q", ALAN, at(1, 9), "How do I reset my password?"), "neutral", null);
    Feedback adaQ2 = s(post("ada-q2", ADA, at(2, 8), "Still can't export, this is frustrating"), "negative", null);
    Feedback zoeQ = s(post("zoe-q", ZOE, at(2, 10), "Is there a dark mode? #darkmode"), "neutral", null);
    Feedback zoeThanks = s(post("zoe-thx", ZOE, at(2, 16), "Thanks, love the new dashboard!"), "positive", null);
    Feedback linC = s(post("lin-c", LIN, at(3, 9), "The billing page is broken"), "negative", "t-billing");
    Feedback grace = s(post("grace-p", GRACE, at(3, 12), "Love the export feature"), "positive", null);
    Feedback brand = s(post("brand-p", BRAND, at(3, 13), "Check our status page"), "positive", null);
    Feedback fay = s(post("forum", "fay-1", FAY, at(4, 9), "Great community here"), "positive", null);
    out.addAll(List.of(maxQ, bobQ, pricing, adaQ1, alanQ, adaQ2, zoeQ, zoeThanks, linC, grace, brand, fay));
    out.add(reply("alan-a", STAFF, at(1, 11), "Use the reset link on the login page", alanQ));
    out.add(s(reply("zoe-a", GRACE, at(2, 11), "Yes: Settings > Appearance", zoeQ), "neutral", null));
    out.add(reply("bob-a", STAFF, at(3, 0), "Yes, from the export menu", bobQ));
    for (int i = 0; i < 12; i++) {
      out.add(s(reply("r" + i, member("R" + i, "r" + i, "Replier " + i), at(0, 15 + i), "Too expensive now " + i,
          pricing), "negative", "t-billing"));
    }
    for (int i = 0; i < 10; i++) {
      out.add(s(post("login" + i, member("P" + i, "p" + i, "Poster " + i), at(4, 10 + i), "Login works as usual " + i),
          "neutral", "t-login"));
    }
    out.sort(java.util.Comparator.comparing(Feedback::createdAt).thenComparing(Feedback::id));
    return out;
  }

  /** The items of the week {@code back} weeks before W47 (1 = the previous week). */
  public static List<Feedback> history(int back) {
    ReportingPeriod week = W47;
    for (int i = 0; i < back; i++) {
      week = week.previous();
    }
    Instant start = week.start();
    List<Feedback> out = new ArrayList<>();
    String w = "w" + back + "-";
    List<Feedback> posts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      posts.add(s(post(w + "login" + i, member("P" + i, "p" + i, "Poster " + i), start.plus(Duration.ofHours(i + 1)),
          "Login question " + i), "neutral", "t-login"));
    }
    out.addAll(posts);
    out.add(s(post(w + "bill0", member("P0", "p0", "Poster 0"), start.plus(Duration.ofHours(20)), "Invoice?"), "neutral",
        "t-billing"));
    out.add(s(post(w + "bill1", member("P1", "p1", "Poster 1"), start.plus(Duration.ofHours(21)), "Invoice!"),
        "neutral", "t-billing"));
    for (int i = 0; i < 15; i++) {
      Author f = i == 0 ? FAY : member("F" + i, "f" + i, "Forum " + i);
      out.add(s(post("forum", w + "f" + i, f, start.plus(Duration.ofHours(30 + i)), "Nice forum post " + i),
          "positive", null));
    }
    out.add(s(reply(w + "m2m1", member("P1", "p1", "Poster 1"), start.plus(Duration.ofHours(50)), "Try this", posts.get(0)),
        "neutral", null));
    out.add(s(reply(w + "m2m2", member("P1", "p1", "Poster 1"), start.plus(Duration.ofHours(51)), "Or this", posts.get(0)),
        "neutral", null));
    out.add(reply(w + "st1", STAFF, start.plus(Duration.ofHours(52)), "Staff here", posts.get(1)));
    out.add(reply(w + "st2", STAFF, start.plus(Duration.ofHours(53)), "Staff again", posts.get(2)));
    if (back <= 2) {
      out.add(s(post(w + "grace", GRACE, start.plus(Duration.ofHours(60)), "Hello again"), "neutral", null));
    }
    return out;
  }

  public static List<PeriodSummary> summaries() {
    List<PeriodSummary> out = new ArrayList<>();
    ReportingPeriod week = W47;
    for (int back = 1; back <= PeriodFeedback.HISTORY_PERIODS; back++) {
      week = week.previous();
      out.add(PeriodSummary.of(week, history(back), VOICE));
    }
    return out;
  }

  public static PeriodFeedback feedback() {
    return new PeriodFeedback(W47, items(), List.of(), NOW, summaries());
  }

  public static DigestCalculator calculator() {
    return new DigestCalculator(OPTIONS, LABELS, VOICE, Sections.defaults());
  }

  public static PeriodData data() {
    return calculator().data(feedback());
  }
}
