package org.harmattan.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.brief.BriefService;
import picocli.CommandLine.Option;

/** Options naming the reference and context inputs of a brief: profiles, roads, case file. */
final class ContextOptions {
  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Country profile file (YAML: capital, boundaries, road format, corridors); replaces the"
              + " shipped profile of the same country.")
  List<Path> profiles = new ArrayList<>();

  @Option(
      names = "--roads",
      paramLabel = "DIR",
      description =
          "Road-graph folder (African Urban Network AfricaNetworkNodes.csv and"
              + " AfricaNetworkEdges.csv) for the supply corridors.")
  Path roads;

  @Option(
      names = "--timeline",
      paramLabel = "FILE",
      description =
          "Political case file (YAML) to draw beside the event curve (default: the shipped one of"
              + " the country, if any).")
  Path timeline;

  @Option(
      names = "--advisories",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Travel-advisory snapshots (GOV.UK JSON, State Department RSS, Auswärtiges Amt JSON,"
              + " France Diplomatie RSS); two snapshots of one government show its changes.")
  List<Path> advisories = new ArrayList<>();

  BriefService.Context context() {
    CountryProfiles p = CountryProfiles.shipped();
    for (Path f : profiles) {
      p = p.with(f);
    }
    return new BriefService.Context(p, roads, timeline, advisories);
  }
}
