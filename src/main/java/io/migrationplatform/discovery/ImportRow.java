package io.migrationplatform.discovery;

import io.migrationplatform.assets.AssetValues;
import io.migrationplatform.discovery.cleansing.RowConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One staged row on its way through the phases of an execution. */
final class ImportRow {

    final long rowNumber;
    List<String> values;
    List<String> extra;
    RowConverter.MappedRow mapped;
    Map<String, Object> body;
    AssetValues assetValues;
    final List<String> dependencyRefs = new ArrayList<>();
    String outcome;
    UUID assetId;
    ImportRow mergedInto;

    ImportRow(long rowNumber, List<String> values, List<String> extra) {
        this.rowNumber = rowNumber;
        this.values = values;
        this.extra = extra;
    }

    boolean rejected() {
        return "rejected".equals(outcome);
    }
}
