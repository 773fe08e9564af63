package io.migrationplatform.discovery.mapping;

/**
 * Azure Migrate "import servers using CSV" template. A leading "*" marks required columns (stripped by
 * {@link HeaderKey}); disks come as "Disk N size (In GB)" with N = 1..8.
 */
final class AzureMigrateFormat {

    static final KnownFormat FORMAT = KnownFormat.builder(MappingSuggestion.AZURE_MIGRATE)
            .characteristic("Memory (In MB)", "OS architecture", "CPU utilization percentage",
                    "Memory utilization percentage", "Number of disks", "Storage in use (In GB)", "Network In throughput",
                    "Network Out throughput", "Network adapters", "Boot type", "Firmware type", "Hypervisor",
                    "Hypervisor version number", "Virtual machine manager ID", "BIOS GUID")
            .characteristicPattern("disk\\d+sizeingb")
            // The only identifying column: it is the asset's name, and (being host-like) also its hostname.
            .map("Server name", "name")
            .map("IP addresses", "ip_addresses")
            .map("IP address", "ip_addresses")
            .map("Cores", "cpu_cores")
            .map("Memory (In MB)", "memory_gb", "MB")
            .map("OS name", "operating_system")
            .map("OS version", "os_version")
            .map("CPU utilization percentage", "cpu_utilization_pct")
            .map("Memory utilization percentage", "memory_utilization_pct")
            // Hypervisor-side VM id, like RVTools' VM UUID: the stable key for re-imports.
            .map("Virtual machine ID", "external_id")
            .map("FQDN", "fqdn")
            // Every disk's size feeds storage_gb; the importer adds them up (allocated capacity, as the other
            // formats report). "Storage in use" is consumption, not capacity, so it stays an attribute.
            .pattern("disk\\d+size(ingb)?", "storage_gb", "GB", true)
            .pattern("disk\\d+.*", MappingTargets.ATTRIBUTES, null, false)
            .pattern("totaldisks.*", MappingTargets.ATTRIBUTES, null, false)
            .pattern("(network|storage)(in|out|read|write).*", MappingTargets.ATTRIBUTES, null, false)
            // Server type (Physical/Virtual) stays an attribute, like Google's IsPhysical: it is not an asset type
            // of the vocabulary and turning it into one would be the cleanser's guess.
            .attributes("OS architecture, OS license, Number of disks, Storage in use (In GB), Network adapters,"
                    + " Number of network adapters, Boot type, Firmware type, Server type, Hypervisor,"
                    + " Hypervisor version number, Virtual machine manager ID, MAC address, BIOS GUID")
            .build();

    private AzureMigrateFormat() {
    }
}
