package io.migrationplatform.assets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An asset of the inventory, as stored and as answered (the seed's fields plus the typed inventory fields). */
public record Asset(
        UUID id,
        String name,
        String assetType,
        String environment,
        String status,
        Map<String, Object> attributes,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        UUID clientAccountId,
        UUID engagementId,
        String externalId,
        String hostname,
        String fqdn,
        List<String> ipAddresses,
        String operatingSystem,
        String osVersion,
        Integer cpuCores,
        Double memoryGb,
        Double storageGb,
        Double cpuUtilizationPct,
        Double memoryUtilizationPct,
        String applicationName,
        List<String> technologyStack,
        String databaseType,
        String databaseVersion,
        String businessOwner,
        String technicalOwner,
        String department,
        String location,
        String criticality,
        @JsonProperty("six_r_strategy") String sixRStrategy,
        Integer migrationWave,
        UUID createdBy,
        UUID updatedBy,
        long version) {

    /** The value of a writable field, by its canonical name. */
    public Object get(AssetField field) {
        return field.read(this);
    }
}
