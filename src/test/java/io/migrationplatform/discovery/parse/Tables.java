package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write a fixture, open it, read everything. */
final class Tables {

    /** Everything a reader produced, materialised (fine for small fixtures). */
    record Read(TableFormat format, List<String> columns, List<SourceRow> rows) {

        List<List<String>> values() {
            return rows.stream().map(SourceRow::values).toList();
        }
    }

    private Tables() {
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content, Charset charset) {
        return write(dir, name, content.getBytes(charset));
    }

    static Read read(Path file) throws UnreadableFileException {
        try (TableReader reader = TableReader.open(file, file.getFileName().toString())) {
            List<SourceRow> rows = new ArrayList<>();
            reader.rows().forEachRemaining(rows::add);
            return new Read(reader.format(), reader.columns(), rows);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
