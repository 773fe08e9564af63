package io.migrationplatform.discovery.mapping;

/**
 * Google Migration Center manual import (the StratoZone-era vmInfo.csv). Some templates suffix optional columns
 * with "(optional)"; {@link HeaderKey} strips that marker.
 */
final class GoogleMigrationCenterFormat {

    static final KnownFormat FORMAT = KnownFormat.builder(MappingSuggestion.GOOGLE_MIGRATION_CENTER)
            .characteristic("MachineId", "PrimaryMACAddress", "PublicIPAddress", "IpAddressListSemiColonDelimited",
                    "TotalDiskAllocatedGiB", "TotalDiskUsedGiB", "MachineTypeLabel", "AllocatedProcessorCoreCount",
                    "MemoryGiB", "HostingLocation", "OsPublisher", "MachineStatus", "ProvisioningState", "IsPhysical")
            .map("MachineId", "external_id")
            .map("MachineName", "name")
            .map("PrimaryIPAddress", "ip_addresses")
            // The full list only stands in when there is no primary address: the primary one is the one to use.
            .fallback("IpAddressListSemiColonDelimited", "ip_addresses", "PrimaryIPAddress")
            // Allocated, not used: capacity is what the target has to provide.
            .map("TotalDiskAllocatedGiB", "storage_gb", "GiB")
            .map("AllocatedProcessorCoreCount", "cpu_cores")
            .map("MemoryGiB", "memory_gb", "GiB")
            .map("OsName", "operating_system")
            .map("OsVersion", "os_version")
            .map("MachineStatus", "status")
            .map("HostingLocation", "location")
            .attributes("PrimaryMACAddress, PublicIPAddress, TotalDiskUsedGiB, MachineTypeLabel, OsType, OsPublisher,"
                    + " ProvisioningState, CreateDate, IsPhysical, Source")
            .build();

    private GoogleMigrationCenterFormat() {
    }
}
