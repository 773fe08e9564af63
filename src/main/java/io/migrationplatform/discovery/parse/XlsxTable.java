package io.migrationplatform.discovery.parse;

import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Opens the first visible sheet of an xlsx workbook with POI's streaming XSSFReader. Memory: the
 * ZIP is read by random access, the sheet is streamed; the shared-strings table and the styles
 * are loaded whole (POI needs them to resolve cells), which is proportional to the number of
 * distinct texts, not of rows.
 */
final class XlsxTable {

    private record SheetRef(String relationId, boolean date1904) {
    }

    private XlsxTable() {
    }

    static TableReader open(Path file) throws UnreadableFileException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            // A ZIP that is not an Office document (or a damaged one): nothing we can read.
            throw new UnreadableFileException(ContentSniffer.NOT_A_TABLE, e);
        }
        XlsxCursor cursor = null;
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SheetRef sheet;
            try (InputStream workbook = reader.getWorkbookData()) {
                sheet = firstVisibleSheet(workbook);
            }
            XlsxCells cells = new XlsxCells(new ReadOnlySharedStringsTable(pkg, false), reader.getStylesTable(),
                    sheet.date1904());
            cursor = new XlsxCursor(reader.getSheet(sheet.relationId()), cells);
            TabularRows rows = TabularRows.start(cursor);
            XlsxCursor opened = cursor;
            return new TableReader(new TableFormat("xlsx", null, null, Math.toIntExact(rows.headerRow())),
                    rows.columns(), rows, () -> {
                        try {
                            opened.close();
                        } finally {
                            pkg.revert(); // read-only: release the file without writing anything back
                        }
                    });
        } catch (UnreadableFileException e) {
            release(cursor, pkg, e);
            throw e;
        } catch (Exception e) {
            release(cursor, pkg, e);
            throw new UnreadableFileException("The Excel workbook could not be read: it may be damaged"
                    + " or password-protected; save it again as .xlsx or CSV", e);
        }
    }

    private static void release(XlsxCursor cursor, OPCPackage pkg, Exception failure) {
        if (cursor != null) {
            TableReader.closeQuietly(cursor, failure);
        }
        pkg.revert();
    }

    /** Reads workbook.xml: the relation id of the first sheet not hidden, and the 1904 date system flag. */
    private static SheetRef firstVisibleSheet(InputStream workbookXml) throws Exception {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
        try {
            String relationId = null;
            boolean date1904 = false;
            boolean root = true;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root && !"workbook".equals(name)) {
                    throw new UnreadableFileException(ContentSniffer.NOT_A_TABLE); // e.g. a .docx
                }
                root = false;
                if ("workbookPr".equals(name)) {
                    String flag = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
                } else if ("sheet".equals(name) && relationId == null) {
                    String state = xml.getAttributeValue(null, "state");
                    if (state == null || "visible".equals(state)) {
                        relationId = relationIdOf(xml);
                    }
                }
            }
            if (relationId == null) {
                throw new UnreadableFileException("The Excel workbook has no visible sheet");
            }
            return new SheetRef(relationId, date1904);
        } finally {
            xml.close();
        }
    }

    /** The r:id attribute, whatever prefix/namespace (transitional or strict OOXML) it uses. */
    private static String relationIdOf(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }
}
