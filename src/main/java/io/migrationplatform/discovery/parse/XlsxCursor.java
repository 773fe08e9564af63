package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * Pulls the rows of one worksheet part with StAX, so only the current row is in memory (POI's
 * SAX handler pushes rows instead, which does not fit an {@link java.util.Iterator}).
 */
final class XlsxCursor implements RawCursor {

    /** Excel's last column is XFD (16,384): a reference beyond it is corrupt, not a wide table. */
    private static final int MAX_COLUMNS = 16_384;

    private final InputStream in;
    private final XMLStreamReader xml;
    private final XlsxCells cells;
    private long lastRow;

    XlsxCursor(InputStream sheetXml, XlsxCells cells) throws XMLStreamException {
        this.in = sheetXml;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetXml);
        this.cells = cells;
    }

    @Override
    public RawRow next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return readRow();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new TableReadException("The Excel sheet could not be read after row " + lastRow, e);
        }
    }

    private RawRow readRow() throws XMLStreamException {
        String ref = xml.getAttributeValue(null, "r");
        long number = ref != null ? Long.parseLong(ref.trim()) : lastRow + 1; // "r" is optional
        lastRow = number;
        List<String> values = new ArrayList<>();
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String cellRef = xml.getAttributeValue(null, "r");
                int column = cellRef != null ? column(cellRef) : nextColumn;
                String value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                if (column >= MAX_COLUMNS) {
                    continue;
                }
                while (values.size() <= column) {
                    values.add(""); // cells absent between two present ones are empty
                }
                values.set(column, value);
                nextColumn = column + 1;
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
        }
        int width = values.size();
        while (width > 0 && Cells.isBlank(values.get(width - 1))) {
            width--; // formatted-but-empty trailing cells are not part of the row
        }
        return new RawRow(number, values.subList(0, width));
    }

    /** Consumes one {@code <c>} element. */
    private String readCell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = null;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> raw = xml.getElementText();
                    case "is" -> inline = new StringBuilder();
                    case "rPh" -> phonetic++; // Japanese reading aids, not cell text
                    case "t" -> {
                        String text = xml.getElementText();
                        if (inline != null && phonetic == 0) {
                            inline.append(text);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic--;
                } else if ("c".equals(name)) {
                    break;
                }
            }
        }
        return cells.text(type, style, raw, inline == null ? null : inline.toString());
    }

    /** 0-based column of a reference such as "AB12". */
    static int column(String cellRef) {
        int column = 0;
        for (int i = 0; i < cellRef.length(); i++) {
            char c = Character.toUpperCase(cellRef.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_COLUMNS) {
                return MAX_COLUMNS;
            }
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing the reader only releases parser state; the stream is closed below
        } finally {
            in.close();
        }
    }
}
