package org.harmattan.engine.write;

import java.util.List;
import org.harmattan.domain.humanitarian.AdminUnit;

/** The write port for humanitarian tables: observations and the admin reference. */
public interface ObservationWriter {

  /** The admin units the store holds, as the reference for placing names and codes. */
  List<AdminUnit> listAdminUnits();

  /** Starts writing the rows of {@code file}; one write at a time per store. */
  ObservationWrite begin(FileRef file);
}
