package io.migrationplatform.assets.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shape of an asset create/update body, for the OpenAPI document only (the body itself is
 * validated field by field by the asset rules, so a partial update can tell "absent" from null).
 */
@Schema(name = "AssetWrite", description = "Create: name, asset_type and environment are required. Update: send only the "
        + "fields to change; null clears an optional field. id, client_account_id, engagement_id, created_at, updated_at, "
        + "created_by, updated_by and version are read-only (422).")
record AssetWriteDocumentation(
        @Schema(maxLength = 255, example = "app-server-01") String name,
        @Schema(allowableValues = {"server", "virtual_machine", "database", "application", "service", "network",
                "load_balancer", "storage", "container", "other"}) String asset_type,
        @Schema(allowableValues = {"dev", "staging", "prod", "test"}) String environment,
        @Schema(allowableValues = {"active", "inactive", "migrating", "decommissioned"}) String status,
        @Schema(description = "Free JSON object, at most 64 KiB") Map<String, Object> attributes,
        @Schema(description = "At most 50 tags of at most 64 characters") List<String> tags,
        String external_id, String hostname, String fqdn,
        @Schema(description = "IPv4 or IPv6 literals, at most 32") List<String> ip_addresses,
        String operating_system, String os_version,
        @Schema(minimum = "0", maximum = "100000") Integer cpu_cores,
        @Schema(minimum = "0") Double memory_gb,
        @Schema(minimum = "0") Double storage_gb,
        @Schema(minimum = "0", maximum = "100") Double cpu_utilization_pct,
        @Schema(minimum = "0", maximum = "100") Double memory_utilization_pct,
        String application_name, List<String> technology_stack, String database_type, String database_version,
        String business_owner, String technical_owner, String department, String location,
        @Schema(allowableValues = {"low", "medium", "high", "critical"}) String criticality,
        @Schema(allowableValues = {"rehost", "replatform", "refactor", "repurchase", "retire", "retain", "relocate"})
        String six_r_strategy,
        @Schema(minimum = "1") Integer migration_wave) {
}
