package io.migrationplatform.discovery.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool export whose columns are fixed by the tool: recognised by its characteristic headers, then mapped by its
 * own table (which beats any synonym — e.g. RVTools' "Host" is the ESXi host, not the VM's hostname).
 * Headers are compared in compact form (see {@link HeaderKey}), so "*Memory (In MB)" and "Memory (in MB)" are one.
 */
record KnownFormat(String sourceType, List<Pattern> characteristic, List<Rule> rules) {

    /**
     * One row of a format table.
     *
     * @param header compact header (regex)
     * @param unit size unit of the values, for size targets
     * @param onlyIfAbsent compact header of a preferred column: while that column is present this one is kept as an
     *     attribute (e.g. the VMware Tools OS only stands in when the configuration-file OS is missing)
     * @param summed several columns of this rule feed the target together (Azure's per-disk sizes are added up)
     */
    record Rule(Pattern header, String target, String unit, String onlyIfAbsent, boolean summed) {
    }

    /** What a table says for one column. */
    record Hit(String target, String unit, boolean summed) {
    }

    /** How many characteristic headers are among the (compact) headers of a table. */
    int characteristicHits(Set<String> compactHeaders) {
        return (int) characteristic.stream()
                .filter(pattern -> compactHeaders.stream().anyMatch(h -> pattern.matcher(h).matches()))
                .count();
    }

    /** The table's answer for a header, or empty when the column is not one of this export's own. */
    Optional<Hit> lookup(HeaderKey header, Set<String> compactHeaders) {
        for (Rule rule : rules) {
            if (rule.header().matcher(header.compactFull()).matches()) {
                boolean preferredPresent = rule.onlyIfAbsent() != null && compactHeaders.contains(rule.onlyIfAbsent());
                return Optional.of(preferredPresent
                        ? new Hit(MappingTargets.ATTRIBUTES, null, false)
                        : new Hit(rule.target(), rule.unit(), rule.summed()));
            }
        }
        return Optional.empty();
    }

    static Builder builder(String sourceType) {
        return new Builder(sourceType);
    }

    /** Tables are written as the tool spells its headers; the builder turns them into compact patterns. */
    static final class Builder {
        private final String sourceType;
        private final List<Pattern> characteristic = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String sourceType) {
            this.sourceType = sourceType;
        }

        /** Headers that (three or more of them together) identify this export. */
        Builder characteristic(String... headers) {
            for (String header : headers) {
                characteristic.add(literal(header));
            }
            return this;
        }

        /** A characteristic header family, as a regex over compact headers (e.g. "disk\\d+sizeingb"). */
        Builder characteristicPattern(String regex) {
            characteristic.add(Pattern.compile(regex));
            return this;
        }

        Builder map(String header, String target) {
            return map(header, target, null);
        }

        Builder map(String header, String target, String unit) {
            return add(literal(header), target, unit, null, false);
        }

        /** This header maps to target only when {@code preferredHeader} is not in the table. */
        Builder fallback(String header, String target, String preferredHeader) {
            return add(literal(header), target, null, compactOf(preferredHeader), false);
        }

        Builder pattern(String regex, String target, String unit, boolean summed) {
            return add(Pattern.compile(regex), target, unit, null, summed);
        }

        /** The export's own columns that have no canonical field: kept as attributes, never fuzzy-matched. */
        Builder attributes(String commaSeparatedHeaders) {
            for (String header : commaSeparatedHeaders.split(",")) {
                if (!header.isBlank()) {
                    map(header.strip(), MappingTargets.ATTRIBUTES);
                }
            }
            return this;
        }

        KnownFormat build() {
            return new KnownFormat(sourceType, List.copyOf(characteristic), List.copyOf(rules));
        }

        private Builder add(Pattern header, String target, String unit, String onlyIfAbsent, boolean summed) {
            if (!MappingTargets.isValid(target)) {
                throw new IllegalStateException(sourceType + " table names an unknown target: " + target);
            }
            rules.add(new Rule(header, target, unit, onlyIfAbsent, summed));
            return this;
        }

        private static Pattern literal(String header) {
            return Pattern.compile(Pattern.quote(compactOf(header)));
        }

        private static String compactOf(String header) {
            return HeaderKey.of(header).compactFull();
        }
    }
}
