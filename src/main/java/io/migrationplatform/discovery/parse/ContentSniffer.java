package io.migrationplatform.discovery.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Looks at the first bytes of an upload to decide what it is (xlsx, JSON or delimited text) and,
 * for text, which encoding to decode the whole stream with. Only a sample is read so that a
 * 50 MB upload is not scanned twice; the file name is a hint at most, because users rename files.
 */
final class ContentSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final String NOT_A_TABLE = "The file is not a text table (CSV, TSV, XLSX or JSON)";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    enum Kind { TEXT, JSON, XLSX }

    /** Result of sniffing; text fields are null for xlsx. */
    record Sample(Kind kind, Charset charset, String encodingLabel, int bomLength, String text, boolean truncated) {
    }

    private ContentSniffer() {
    }

    static Sample sniff(Path file, String originalFilename) throws IOException, UnreadableFileException {
        byte[] head;
        boolean truncated;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
            truncated = in.read() != -1;
        }
        if (head.length == 0) {
            throw new UnreadableFileException("The file is empty");
        }
        if (startsWith(head, ZIP)) {
            return new Sample(Kind.XLSX, null, null, 0, null, false);
        }
        if (startsWith(head, OLE2)) {
            throw new UnreadableFileException("This looks like an old Excel .xls workbook (or a password-protected one),"
                    + " which is not supported: save it as .xlsx or CSV and upload it again");
        }
        Sample text = decode(head, truncated);
        if (text.text().isBlank() && !truncated) {
            throw new UnreadableFileException("The file is empty");
        }
        if (controlCharacterRatio(text.text()) > 0.01) {
            throw new UnreadableFileException(NOT_A_TABLE);
        }
        Kind kind = looksLikeJson(text.text(), originalFilename) ? Kind.JSON : Kind.TEXT;
        return new Sample(kind, text.charset(), text.encodingLabel(), text.bomLength(), text.text(), truncated);
    }

    /** Decodes the whole file with the charset detected on the sample, skipping the BOM. */
    static Reader openText(Path file, Sample sample) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(sample.bomLength());
            // REPLACE: a bad byte past the sample must not abort a 50 MB import; it shows as U+FFFD.
            return new BufferedReader(new InputStreamReader(in, sample.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Picks the charset: BOM first, then the NUL pattern of BOM-less UTF-16, then UTF-8 validity. */
    private static Sample decode(byte[] head, boolean truncated) throws UnreadableFileException {
        if (startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            return sample(head, StandardCharsets.UTF_8, "UTF-8 (BOM)", 3);
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            return sample(head, StandardCharsets.UTF_16LE, "UTF-16LE", 2);
        }
        if (startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return sample(head, StandardCharsets.UTF_16BE, "UTF-16BE", 2);
        }
        // ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        double pairs = Math.max(1, head.length / 2);
        if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) {
            return sample(head, StandardCharsets.UTF_16LE, "UTF-16LE", 0);
        }
        if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) {
            return sample(head, StandardCharsets.UTF_16BE, "UTF-16BE", 0);
        }
        if (evenNuls + oddNuls > 0) {
            throw new UnreadableFileException(NOT_A_TABLE); // NUL bytes outside UTF-16: binary content
        }
        if (isValidUtf8(head, truncated)) {
            return sample(head, StandardCharsets.UTF_8, "UTF-8", 0);
        }
        // Not UTF-8: the usual culprit is Excel's "CSV" export on Western-European Windows.
        return sample(head, WINDOWS_1252, "windows-1252", 0);
    }

    private static Sample sample(byte[] head, Charset charset, String label, int bom) {
        String text = new String(head, bom, head.length - bom, charset);
        return new Sample(Kind.TEXT, charset, label, bom, text, false);
    }

    private static boolean isValidUtf8(byte[] head, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // endOfInput=false when the sample cut the file: a multi-byte character split at the
        // sample's end is then "incomplete" rather than malformed.
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), !truncated).isError();
    }

    /** Share of characters that never appear in text tables (NUL and C0 controls other than tab/CR/LF/FF). */
    private static double controlCharacterRatio(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long bad = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f').count();
        return (double) bad / text.length();
    }

    /**
     * JSON when the content opens like a JSON object or array; the ".json" name only settles the
     * ambiguous "[" case. A CSV title such as "[Server list]" must stay CSV, hence the look at the
     * character after the bracket.
     */
    private static boolean looksLikeJson(String text, String originalFilename) {
        String t = text.stripLeading();
        if (t.startsWith("{")) {
            return true;
        }
        if (!t.startsWith("[")) {
            return false;
        }
        String name = originalFilename == null ? "" : originalFilename.toLowerCase(Locale.ROOT);
        String rest = t.substring(1).stripLeading();
        return name.endsWith(".json") || rest.isEmpty() || "{[\"]-0123456789".indexOf(rest.charAt(0)) >= 0;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
