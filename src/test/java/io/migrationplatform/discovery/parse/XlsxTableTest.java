package io.migrationplatform.discovery.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFirstSheetAsDisplayedText() throws Exception {
        Path file = dir.resolve("inventory.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Servers");
            CellStyle date = style(workbook, "yyyy-mm-dd");
            CellStyle dateTime = style(workbook, "dd/mm/yyyy hh:mm");
            CellStyle money = style(workbook, "#,##0.00 \"EUR\"");
            header(sheet, "Server name", "CPU", "Memory GB", "Purchased", "Notes", "Last seen", "Cost", "Active");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("  srv1 ");
            row.createCell(1).setCellValue(4);
            row.createCell(2).setCellValue(16.5);
            row.createCell(3).setCellValue(LocalDate.of(2024, 1, 15));
            row.getCell(3).setCellStyle(date);
            // column 4 (Notes) left without a cell
            row.createCell(5).setCellValue(LocalDateTime.of(2024, 1, 15, 10, 30, 5));
            row.getCell(5).setCellStyle(dateTime);
            row.createCell(6).setCellValue(1234.5);
            row.getCell(6).setCellStyle(money);
            row.createCell(7).setCellValue(true);
            Row second = sheet.createRow(3); // row 3 (index 2) left empty
            second.createCell(0).setCellValue("srv2");
            second.createCell(1).setCellFormula("2+6");
            second.createCell(2).setCellValue(0.1 + 0.2);
            header(workbook.createSheet("Ignored"), "other", "columns");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll(); // stores the cached result "8"
            save(workbook, file);
        }

        Tables.Read read = Tables.read(file);

        assertThat(read.format()).isEqualTo(new TableFormat("xlsx", null, null, 1));
        assertThat(read.columns())
                .containsExactly("Server name", "CPU", "Memory GB", "Purchased", "Notes", "Last seen", "Cost", "Active");
        assertThat(read.values()).containsExactly(
                Arrays.asList("srv1", "4", "16.5", "2024-01-15", "", "2024-01-15 10:30:05", "1234.5", "TRUE"),
                Arrays.asList("srv2", "8", "0.3", null, null, null, null, null));
        assertThat(read.rows()).extracting(SourceRow::rowNumber).containsExactly(2L, 4L);
    }

    @Test
    void skipsHiddenSheetsAndTitleRowsAndReadsInlineStrings() throws Exception {
        Path file = dir.resolve("renamed.csv"); // content wins over the name
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) { // SXSSF writes inline strings
            header(workbook.createSheet("Hidden"), "secret");
            Sheet sheet = workbook.createSheet("Visible");
            workbook.setSheetHidden(0, true);
            sheet.createRow(0).createCell(0).setCellValue("Inventory export 2024-01-01");
            header(sheet, 2, "name", "os");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("srv1");
            row.createCell(1).setCellValue("Linux");
            row.createCell(3).setCellValue("beyond the header");
            save(workbook, file);
        }

        Tables.Read read = Tables.read(file);

        assertThat(read.format().format()).isEqualTo("xlsx");
        assertThat(read.format().headerRow()).isEqualTo(3);
        assertThat(read.columns()).containsExactly("name", "os");
        assertThat(read.rows()).singleElement().satisfies(r -> {
            assertThat(r.rowNumber()).isEqualTo(4);
            assertThat(r.values()).containsExactly("srv1", "Linux");
            assertThat(r.extra()).containsExactly("", "beyond the header");
        });
    }

    @Test
    void formatsNumbersPlainly() {
        assertThat(List.of(4.0, -3.0, 16.5, 0.1 + 0.2, 1e-7, 123456789012.0, 1.5e20))
                .extracting(XlsxCells::plain)
                .containsExactly("4", "-3", "16.5", "0.3", "0.0000001", "123456789012", "150000000000000000000");
    }

    private static void header(Sheet sheet, String... names) {
        header(sheet, 0, names);
    }

    private static void header(Sheet sheet, int rowIndex, String... names) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static void save(Workbook workbook, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
