package io.migrationplatform.analysis.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * End-of-support lookup for OS, database and runtime strings as found in real inventories
 * ("Microsoft Windows Server 2012 R2 Standard", "Oracle 11g", "SLES 12 SP5").
 *
 * <p>Everything product-specific is data: {@code lifecycle/product-lifecycles.csv} (endoflife.date
 * dates) and {@code lifecycle/product-patterns.csv} (how each product is recognised). Rules are
 * tried in file order; the first one whose pattern matches <em>and</em> resolves to a release in the
 * data wins, so more specific families (Oracle Linux) are listed before broader ones (Oracle Database).
 * Text that names a product but no identifiable release ("Windows", "Linux") gives no match, because
 * a status for a whole product family would be a guess.
 *
 * <p>Immutable and thread-safe; all regexes are compiled once when the catalog is loaded.
 */
public final class LifecycleCatalog {

    private static final String LIFECYCLES = "/lifecycle/product-lifecycles.csv";
    private static final String PATTERNS = "/lifecycle/product-patterns.csv";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final List<ProductRule> rules;
    private final Map<String, List<Release>> releasesByProduct;

    LifecycleCatalog(List<ProductRule> rules, List<Release> releases) {
        this.rules = List.copyOf(rules);
        Map<String, List<Release>> byProduct = new HashMap<>();
        for (Release release : releases) {
            byProduct.computeIfAbsent(release.product(), p -> new ArrayList<>()).add(release);
        }
        byProduct.replaceAll((product, list) -> List.copyOf(list));
        this.releasesByProduct = Map.copyOf(byProduct);
    }

    /** Lazy holder: the resources are parsed once per class loader, on first use. */
    private static final class Holder {
        static final LifecycleCatalog INSTANCE = new LifecycleCatalog(readRules(), readReleases());
    }

    public static LifecycleCatalog load() {
        return Holder.INSTANCE;
    }

    /**
     * Finds the release an inventory string refers to and its status on {@code asOf}.
     *
     * @return empty for null/blank text, unknown products, or a product without an identifiable release
     */
    public Optional<LifecycleMatch> match(String text, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Lower-casing can change the length for a few non-ASCII characters; then we cannot map
        // offsets back to the original text and report the lower-cased fragment instead.
        String source = lower.length() == text.length() ? text : lower;
        for (ProductRule rule : rules) {
            ProductRule.Hit hit = rule.find(lower);
            if (hit == null) {
                continue;
            }
            Release release = resolve(releasesByProduct.getOrDefault(rule.product(), List.of()), hit.version(), rule.refine());
            if (release != null) {
                return Optional.of(release.toMatch(asOf, source.substring(hit.start(), hit.end()).trim()));
            }
        }
        return Optional.empty();
    }

    /** All releases of a product as loaded (for diagnostics and tests). */
    List<Release> releases(String product) {
        return releasesByProduct.getOrDefault(product, List.of());
    }

    /**
     * Picks the release for a version. A cycle equal to the version, or finer as far as the rule
     * allows (service packs, technology levels), is preferred; among those the latest release wins,
     * because a version without a service pack names the product line, whose support is governed by
     * its last service pack (SQL Server 2014 RTM ended in 2016, the line ends with SP3 in 2027).
     * Failing that, the most precise coarser cycle wins ("7.9" → RHEL "7", "9.6.24" → PostgreSQL "9.6").
     */
    static Release resolve(List<Release> candidates, List<String> version, ProductRule.Refine refine) {
        Release finer = null;
        Release coarser = null;
        for (Release release : candidates) {
            List<String> cycle = release.tokens();
            if (cycle.equals(version) || isAllowedRefinement(cycle, version, refine)) {
                if (finer == null || isLater(release, finer)) {
                    finer = release;
                }
            } else if (VersionTokens.isPrefix(cycle, version)
                    && (coarser == null || cycle.size() > coarser.tokens().size())) {
                coarser = release;
            }
        }
        return finer != null ? finer : coarser;
    }

    private static boolean isAllowedRefinement(List<String> cycle, List<String> version, ProductRule.Refine refine) {
        if (refine == ProductRule.Refine.EXACT || !VersionTokens.isPrefix(version, cycle)) {
            return false;
        }
        return refine == ProductRule.Refine.ALL || VersionTokens.onlyServicePacksAfter(cycle, version.size());
    }

    private static boolean isLater(Release candidate, Release current) {
        if (candidate.releaseDate() == null || current.releaseDate() == null) {
            return current.releaseDate() == null && candidate.releaseDate() != null;
        }
        return candidate.releaseDate().isAfter(current.releaseDate());
    }

    // ---- loading -------------------------------------------------------------------------------

    static List<Release> readReleases() {
        List<Release> releases = new ArrayList<>();
        for (CSVRecord row : read(LIFECYCLES)) {
            String cycle = row.get("release_cycle").trim();
            Milestone released = Milestone.parse(row.get("release_date"));
            releases.add(new Release(row.get("product").trim(), row.get("category").trim(), cycle, cleanLabel(row.get("release_label")),
                    released.date(), Milestone.parse(row.get("end_of_active_support")), Milestone.parse(row.get("end_of_life")),
                    Milestone.parse(row.get("end_of_extended_support")), List.copyOf(VersionTokens.of(cycle))));
        }
        return releases;
    }

    static List<ProductRule> readRules() {
        List<ProductRule> rules = new ArrayList<>();
        for (CSVRecord row : read(PATTERNS)) {
            List<String> keywords = new ArrayList<>();
            for (String keyword : row.get("keywords").split("\\|")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.trim().toLowerCase(Locale.ROOT));
                }
            }
            Map<List<String>, List<String>> aliases = new LinkedHashMap<>();
            for (String alias : row.get("aliases").split(";")) {
                int eq = alias.indexOf('=');
                if (eq > 0) {
                    aliases.put(List.copyOf(VersionTokens.of(alias.substring(0, eq))), List.copyOf(VersionTokens.of(alias.substring(eq + 1))));
                }
            }
            rules.add(new ProductRule(row.get("product").trim(), List.copyOf(keywords), Pattern.compile(row.get("pattern")),
                    ProductRule.refine(row.get("refine")), Map.copyOf(aliases)));
        }
        return rules;
    }

    /** endoflife.date leaks unrendered Liquid templates into some labels (AIX, MongoDB); drop those. */
    private static String cleanLabel(String label) {
        String value = label == null ? "" : label.trim();
        return value.isEmpty() || value.contains("{{") || value.contains("{%") ? null : value;
    }

    private static List<CSVRecord> read(String resource) {
        InputStream in = LifecycleCatalog.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSV.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
