package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds technology categories (mainframe, containerised, commercial_erp…) in an asset's texts by
 * keyword, from {@code analysis/technology-keywords.csv}. Matching is on whole words and phrases of
 * up to three words, case-insensitive, so "ims" never fires inside "claims" and "sap" never inside
 * "sapphire". Keywords may keep {@code . + # / -} ("node.js", ".net", "c#", "z/os", "big-ip").
 */
final class TechnologyKeywords {

    static final int MAX_WORDS = 3;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.+#/\\-]+");

    private final Map<String, List<String>> categoriesByPhrase;
    /** Inventories repeat the same OS, stack and database texts; remember what each one contains. */
    private final Map<String, List<String>> memo = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 50_000;

    TechnologyKeywords(Map<String, List<String>> categoriesByPhrase) {
        this.categoriesByPhrase = Map.copyOf(categoriesByPhrase);
    }

    static TechnologyKeywords load() {
        Map<String, List<String>> byPhrase = new HashMap<>();
        for (RuleTables.Row row : RuleTables.read(RuleTables.KEYWORDS)) {
            List<String> words = words(row.get("keyword"));
            if (words.isEmpty() || words.size() > MAX_WORDS) {
                throw new IllegalStateException("technology-keywords.csv line " + row.line() + ": keyword '" + row.get("keyword")
                        + "' must have 1 to " + MAX_WORDS + " words");
            }
            String category = row.get("category").trim();
            if (!category.matches("[a-z0-9_]+")) {
                throw new IllegalStateException("technology-keywords.csv line " + row.line() + ": category '" + category + "' must be snake_case");
            }
            byPhrase.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>()).add(category);
        }
        byPhrase.replaceAll((phrase, categories) -> List.copyOf(categories));
        return new TechnologyKeywords(byPhrase);
    }

    /** Adds each category found in {@code text} (the value of {@code field}) to {@code found}, first occurrence wins. */
    void scan(String field, String text, Map<String, Evidence> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> categories = memo.get(text);
        if (categories == null) {
            Map<String, Evidence> own = new LinkedHashMap<>();
            find(field, text, own);
            categories = List.copyOf(own.keySet());
            if (memo.size() < MEMO_LIMIT) {
                memo.put(text, categories);
            }
        }
        add(categories, field, text, found);
    }

    private void find(String field, String text, Map<String, Evidence> found) {
        List<String> words = words(text);
        int n = words.size();
        for (int i = 0; i < n; i++) {
            String phrase = words.get(i);
            for (int length = 1; length <= MAX_WORDS && i + length <= n; length++) {
                if (length > 1) {
                    phrase = phrase + ' ' + words.get(i + length - 1);
                }
                add(categoriesByPhrase.get(phrase), field, text, found);
            }
            String word = words.get(i);
            if (word.indexOf('/') > 0 || word.indexOf('-') > 0) {
                // "Prometheus/Grafana", "sap-ecc": the parts count as words too, unless the whole is a keyword ("z/os", "big-ip")
                for (String part : word.split("[/-]")) {
                    if (!part.isEmpty() && !categoriesByPhrase.containsKey(word)) {
                        add(categoriesByPhrase.get(part), field, text, found);
                    }
                }
            }
        }
    }

    private static void add(List<String> categories, String field, String text, Map<String, Evidence> found) {
        if (categories != null) {
            for (String category : categories) {
                found.putIfAbsent(category, new Evidence(field, text, "tech:" + category));
            }
        }
    }

    Map<String, Evidence> scanAll(Map<String, String> textsByField) {
        Map<String, Evidence> found = new LinkedHashMap<>();
        textsByField.forEach((field, text) -> scan(field, text, found));
        return found;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            String word = trim(raw);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Sentence punctuation is not part of a word, but a leading dot is (".net"). */
    private static String trim(String word) {
        int end = word.length();
        while (end > 0 && ".-/".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = 0;
        while (start < end && "-/".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        return word.substring(start, end);
    }
}
