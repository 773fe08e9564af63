package io.migrationplatform.analysis.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's message or recommendation, split once into literal text and {placeholders}, so filling
 * it in costs no regular expression per asset (the engine renders several per asset, ~100k/s).
 */
final class MessageTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_:0-9.]+)}");

    private final String source;
    /** Alternating literal and placeholder names: even indexes literal, odd indexes placeholder. */
    private final String[] parts;

    private MessageTemplate(String source, String[] parts) {
        this.source = source;
        this.parts = parts;
    }

    static MessageTemplate of(String source) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            parts.add(source.substring(last, m.start()));
            parts.add(m.group(1));
            last = m.end();
        }
        parts.add(source.substring(last));
        return new MessageTemplate(source, parts.toArray(String[]::new));
    }

    /** The placeholder names, for checking them when the table is loaded. */
    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.length; i += 2) {
            names.add(parts[i]);
        }
        return names;
    }

    boolean isEmpty() {
        return source.isEmpty();
    }

    String render(FactSheet facts) {
        if (parts.length == 1) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 ? parts[i] : facts.placeholder(parts[i]));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
