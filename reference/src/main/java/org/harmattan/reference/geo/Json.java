package org.harmattan.reference.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The JSON parser and geometry factory the readers share. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** WGS84 longitude/latitude, full double precision. */
  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private Json() {}

  static JsonNode readTree(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readTree(in, file.toString());
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(
          ProblemCode.BOUNDARY_FILE_MISSING, "boundary file " + file + " does not exist");
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.BOUNDARY_FILE_UNREADABLE,
          "cannot read boundary file " + file + ": " + e.getMessage());
    }
  }

  static JsonNode readTree(InputStream in, String fileName) throws IOException {
    try {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || !root.isObject()) {
        throw HarmattanException.userInput(
            ProblemCode.BOUNDARY_FILE_INVALID,
            fileName + ": expected a JSON object (GeoJSON or TopoJSON), found no object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw HarmattanException.userInput(
          ProblemCode.BOUNDARY_FILE_INVALID,
          fileName
              + ": not JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + " (expected GeoJSON or TopoJSON): "
              + e.getOriginalMessage());
    }
  }
}
