/**
 * HXL tables: a CSV or XLSX file read into headers, optional HXL hashtags per column and rows that
 * keep their source line. Entry point: {@link org.harmattan.ingest.hxl.HxlReader}. Knows nothing of
 * any dataset; must not depend on the engine.
 */
package org.harmattan.ingest.hxl;
