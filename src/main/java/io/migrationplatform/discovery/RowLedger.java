package io.migrationplatform.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one execution remembers of each row between its phases — whether it was rejected, which row
 * it was merged into, who it is, what it refers to and what it became — but never the row's values:
 * those stay staged in the database and are read again a chunk at a time, so an import's memory is a
 * few hundred bytes per row whatever the width of the file.
 */
final class RowLedger {

    /** One staged row. */
    static final class Entry {
        final long rowNumber;
        boolean rejected;
        /** The first row of the same server, when this row is merged into it. */
        Entry leader;
        /** The rows merged into this one, in file order; null when none. */
        List<Entry> duplicates;
        /** As cleansed, for kept rows: external id, name, host name, FQDN, IP addresses (matching and references). */
        Object[] identity;
        /** The dependency column's references as written, in order; null when none. */
        List<String> dependencyRefs;
        /** The existing asset this kept row matched when asset_inventory began; null for a new asset. */
        UUID match;
        UUID assetId;
        String outcome;

        Entry(long rowNumber) {
            this.rowNumber = rowNumber;
        }

        boolean kept() {
            return !rejected && leader == null;
        }

        void addDuplicate(Entry duplicate) {
            if (duplicates == null) {
                duplicates = new ArrayList<>(2);
            }
            duplicates.add(duplicate);
            duplicate.leader = this;
        }

        Object externalId() {
            return identity[0];
        }

        Object name() {
            return identity[1];
        }

        Object hostname() {
            return identity[2];
        }

        Object fqdn() {
            return identity[3];
        }

        Object ipAddresses() {
            return identity[4];
        }

        /** The keys that say which server this kept row is ({@link ImportMatcher}). */
        List<String> keys() {
            return ImportMatcher.keys(externalId(), fqdn(), hostname(), ipAddresses(), name());
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry add(long rowNumber) {
        Entry entry = new Entry(rowNumber);
        entries.add(entry);
        return entry;
    }

    /** Every row, in file order. */
    List<Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }
}
