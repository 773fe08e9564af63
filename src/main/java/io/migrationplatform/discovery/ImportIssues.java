package io.migrationplatform.discovery;

import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.platform.web.PageParams;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The problems of an import, as a page or as a CSV of the rejected rows a person can fix and upload again. */
@Service
public class ImportIssues {

    private final ImportRepository repository;

    ImportIssues(ImportRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<ImportIssue> list(UUID importId, String severity, PageParams page) {
        return repository.issues(importId, severity, page);
    }

    @Transactional(readOnly = true)
    public long count(UUID importId, String severity) {
        return repository.countIssues(importId, severity);
    }

    /** Streams the rejected rows: the original columns plus row_number and rejection_reasons. */
    @Transactional(readOnly = true)
    public void writeRejectedRowsCsv(ImportRecord record, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("row_number"));
        header.addAll(record.columns());
        header.add("rejection_reasons");
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            repository.forEachRejectedRow(record.id(), entry -> {
                List<Object> cells = new ArrayList<>();
                cells.add(entry.getKey().rowNumber());
                cells.addAll(entry.getKey().values());
                while (cells.size() < record.columns().size() + 1) {
                    cells.add("");
                }
                cells.add(entry.getValue());
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
