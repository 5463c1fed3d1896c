package org.harmattan.analytics.advisories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryLevel;
import org.harmattan.domain.context.RegionalLevel;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/** Compares two snapshots of the same government's advice on the same country. */
public final class ChangeDetector {
  private ChangeDetector() {}

  /**
   * What changed from {@code before} to {@code after}: the whole-country level, the call to leave,
   * and the areas with their own level. Areas are matched by name, ignoring case, accents and the
   * words "region"/"région"/"Region". An area no longer listed because the whole country now has
   * its level or a higher one is reported as removed, saying so.
   */
  public static List<AdvisoryChange> compare(Advisory before, Advisory after) {
    return compare(before, after, Language.EN);
  }

  /**
   * As {@link #compare(Advisory, Advisory)}, each change described in {@code language} (the
   * government's own words and codes quoted as written).
   */
  public static List<AdvisoryChange> compare(Advisory before, Advisory after, Language language) {
    Texts texts = AnalyticsTexts.of(language);
    if (before.government() != after.government()
        || !before.report().countryIso3().equals(after.report().countryIso3())) {
      throw new IllegalArgumentException(
          "compare snapshots of one government on one country, not "
              + before.government()
              + "/"
              + before.report().countryIso3()
              + " with "
              + after.government()
              + "/"
              + after.report().countryIso3());
    }
    List<AdvisoryChange> out = new ArrayList<>();
    int d = after.level().rank() - before.level().rank();
    if (d != 0) {
      out.add(
          new AdvisoryChange(
              d > 0 ? ChangeKind.LEVEL_RAISED : ChangeKind.LEVEL_LOWERED,
              before,
              after,
              null,
              texts.t(
                  d > 0 ? "advisories.change.raised" : "advisories.change.lowered",
                  Integer.toString(before.level().rank()),
                  levelName(texts, before.level()),
                  Integer.toString(after.level().rank()),
                  levelName(texts, after.level()),
                  String.join(", ", after.report().wording()).replace('_', ' '))));
    }
    if (after.leaveNow() && !before.leaveNow()) {
      out.add(
          new AdvisoryChange(
              ChangeKind.LEAVE_NOW_ADDED,
              before,
              after,
              null,
              texts.t("advisories.change.leave_added", after.leaveNowPhrase())));
    } else if (before.leaveNow() && !after.leaveNow()) {
      out.add(
          new AdvisoryChange(
              ChangeKind.LEAVE_NOW_REMOVED,
              before,
              after,
              null,
              texts.t("advisories.change.leave_removed", before.leaveNowPhrase())));
    }
    Map<String, RegionalLevel> was = byKey(before.regions());
    Map<String, RegionalLevel> now = byKey(after.regions());
    for (Map.Entry<String, RegionalLevel> e : now.entrySet()) {
      RegionalLevel old = was.get(e.getKey());
      RegionalLevel r = e.getValue();
      if (old == null) {
        out.add(
            new AdvisoryChange(
                ChangeKind.REGION_ADDED,
                before,
                after,
                r.region(),
                texts.t(
                    "advisories.change.region_added",
                    r.region(),
                    Integer.toString(r.level().rank()),
                    r.wording().replace('_', ' '))));
      } else if (old.level() != r.level()) {
        out.add(
            new AdvisoryChange(
                ChangeKind.REGION_LEVEL_CHANGED,
                before,
                after,
                r.region(),
                texts.t(
                    "advisories.change.region_level",
                    r.region(),
                    Integer.toString(old.level().rank()),
                    Integer.toString(r.level().rank()),
                    r.wording().replace('_', ' '))));
      }
    }
    for (Map.Entry<String, RegionalLevel> e : was.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        RegionalLevel r = e.getValue();
        boolean covered = after.level().rank() >= r.level().rank();
        out.add(
            new AdvisoryChange(
                ChangeKind.REGION_REMOVED,
                before,
                after,
                r.region(),
                texts.t(
                    covered
                        ? "advisories.change.region_removed_covered"
                        : "advisories.change.region_removed",
                    r.region(),
                    Integer.toString(r.level().rank()),
                    Integer.toString(after.level().rank()))));
      }
    }
    return out;
  }

  /** The name of {@code level} on the common scale, in the language of {@code texts}. */
  public static String levelName(Texts texts, AdvisoryLevel level) {
    return texts.t("advisories.level." + level.rank());
  }

  private static Map<String, RegionalLevel> byKey(List<RegionalLevel> regions) {
    Map<String, RegionalLevel> m = new LinkedHashMap<>();
    for (RegionalLevel r : regions) {
      m.merge(key(r.region()), r, (a, b) -> a.level().rank() >= b.level().rank() ? a : b);
    }
    return m;
  }

  static String key(String region) {
    return AdvisoryLevels.fold(region)
        .replaceAll("\\b(the|region|regions|de|des|du|la|le)\\b", " ")
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }
}
