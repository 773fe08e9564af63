package io.migrationplatform.discovery.mapping;

import java.util.List;
import java.util.Set;

/** Recognises which known export a header row comes from; anything else is a generic CMDB export. */
final class KnownFormats {

    /** A format is recognised from this many of its characteristic headers (one or two can be coincidence). */
    static final int MIN_HITS = 3;

    // Order only breaks ties of equal hit counts.
    static final List<KnownFormat> ALL = List.of(AzureMigrateFormat.FORMAT, RvToolsFormat.FORMAT,
            GoogleMigrationCenterFormat.FORMAT, AwsDiscoveryFormat.FORMAT);

    /** The detected format (null: generic cmdb) and how sure the detection is. */
    record Detection(KnownFormat format, double confidence) {
        String sourceType() {
            return format == null ? MappingSuggestion.CMDB : format.sourceType();
        }
    }

    private KnownFormats() {
    }

    static Detection detect(Set<String> compactHeaders) {
        KnownFormat best = null;
        int bestHits = 0;
        for (KnownFormat format : ALL) {
            int hits = format.characteristicHits(compactHeaders);
            if (hits > bestHits) {
                best = format;
                bestHits = hits;
            }
        }
        if (bestHits >= MIN_HITS) {
            // 3 hits → 0.94, 5 or more → 0.99: every further signature header makes a coincidence less likely.
            return new Detection(best, Math.min(0.99, 0.85 + 0.03 * bestHits));
        }
        // Generic is the default; one or two signature headers of a known export make it a little less certain.
        return new Detection(null, 0.8 - 0.15 * bestHits);
    }
}
