package io.migrationplatform.discovery.mapping;

/**
 * AWS Application Discovery Service (Migration Hub) import template, as documented with the template
 * import_template.csv. Dotted names ("CPU.UsagePct.Avg") are its signature.
 */
final class AwsDiscoveryFormat {

    static final KnownFormat FORMAT = KnownFormat.builder(MappingSuggestion.AWS_APPLICATION_DISCOVERY)
            .characteristic("SMBiosId", "VMware.MoRefId", "VMware.VCenterId", "VMware.VMName", "CPU.NumberOfProcessors",
                    "CPU.NumberOfCores", "CPU.NumberOfLogicalCores", "RAM.TotalSizeInMB", "RAM.UsedSizeInMB.Avg",
                    "RAM.UsedSizeInMB.Max", "CPU.UsagePct.Avg", "CPU.UsagePct.Max", "ApplicationWave")
            .characteristicPattern("(disk|network)(reads|writes).*(avg|max)")
            .map("ExternalId", "external_id")
            .map("IPAddress", "ip_addresses")
            // The template recommends an FQDN here; with no name column in the template, the suggester turns this
            // into the asset's name (the importer reuses it as hostname).
            .map("HostName", "hostname")
            // Physical cores, not sockets (NumberOfProcessors) nor threads (NumberOfLogicalCores): what sizing uses.
            .map("CPU.NumberOfCores", "cpu_cores")
            .map("CPU.UsagePct.Avg", "cpu_utilization_pct")
            .map("OS.Name", "operating_system")
            .map("OS.Version", "os_version")
            .map("RAM.TotalSizeInMB", "memory_gb", "MB")
            // Not in the import template but in ADS exports; the average is the sizing input, like CPU's.
            .map("RAM.UsedPct.Avg", "memory_utilization_pct")
            .map("RAM.UsagePct.Avg", "memory_utilization_pct")
            .map("Applications", "application_name")
            .map("ApplicationWave", "migration_wave")
            .map("Tags", "tags")
            .attributes("SMBiosId, MACAddress, VMware.MoRefId, VMware.VCenterId, VMware.VMName, CPU.NumberOfProcessors,"
                    + " CPU.NumberOfLogicalCores, CPU.UsagePct.Max, RAM.UsedSizeInMB.Avg, RAM.UsedSizeInMB.Max,"
                    + " RAM.UsedPct.Max, RAM.UsagePct.Max, ServerId")
            // Disk/network throughput and IOPS (DiskReadsPerSecondInKB.Avg, NetworkWritesPerSecondInKB.Max, ...).
            .pattern("(disk|network)(reads|writes).*", MappingTargets.ATTRIBUTES, null, false)
            .build();

    private AwsDiscoveryFormat() {
    }
}
