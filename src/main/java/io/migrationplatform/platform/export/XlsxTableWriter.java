package io.migrationplatform.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: only the last {@value #WINDOW} rows are in memory, older ones
 * are flushed to a compressed temporary file. Bold, frozen header row with an auto-filter, fixed
 * column widths. Text cells are always string cells, so nothing in them is evaluated as a formula; numbers,
 * booleans and dates (a date, or a timestamp in UTC) are typed cells.
 */
final class XlsxTableWriter<T> extends TableWriter<T> {

    static final int WINDOW = 100;
    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final OutputStream out;
    private final CellStyle dateStyle;
    private final CellStyle timestampStyle;
    private int next = 1;

    XlsxTableWriter(List<ExportColumn<T>> columns, String sheetName, OutputStream out) {
        super(columns);
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName == null ? "Export" : sheetName));
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, Math.max(4, columns.get(i).width())) * 256);
        }
        sheet.createFreezePane(0, 1);
        // Dates as real date cells (sortable and filterable as dates), shown ISO-style whatever the reader's locale.
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        this.timestampStyle = workbook.createCellStyle();
        timestampStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
    }

    @Override
    protected void writeRow(List<Object> cells) {
        if (next >= MAX_ROWS) {
            throw new IllegalStateException("More rows than an XLSX sheet holds (" + MAX_ROWS + "); export as CSV instead");
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Instant instant) {
                // Spreadsheets have no time zones: the UTC wall-clock time, as the CSV's ISO-8601 text says.
                cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                cell.setCellStyle(timestampStyle);
            } else {
                String text = text(value);
                cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text);
            }
        }
    }

    @Override
    protected void finish() throws IOException {
        try {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns.size() - 1));
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
