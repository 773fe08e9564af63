package io.migrationplatform.discovery.mapping;

/**
 * RVTools vInfo sheet (saved as CSV). Its own columns are all listed so that none falls through to synonyms:
 * "Host" is the ESXi host, "Cluster"/"Folder"/"Path" are vSphere placement, not the VM's.
 */
final class RvToolsFormat {

    static final KnownFormat FORMAT = KnownFormat.builder(MappingSuggestion.RVTOOLS)
            .characteristic("Powerstate", "Template", "SRM Placeholder", "Config status", "Connection state",
                    "Guest state", "Heartbeat", "Consolidation Needed", "Total disk capacity MiB", "Provisioned MiB",
                    "In Use MiB", "Unshared MiB", "Provisioned MB", "In Use MB", "OS according to the configuration file",
                    "OS according to the VMware Tools", "VM UUID", "VI SDK Server", "VI SDK UUID", "DAS protection",
                    "HA Restart Priority", "min Required EVC Mode Key")
            .map("VM", "name")
            // poweredOn / poweredOff / suspended: the cleanser turns them into active / inactive.
            .map("Powerstate", "status")
            .map("CPUs", "cpu_cores")
            .map("Memory", "memory_gb", "MiB")
            .map("Total disk capacity MiB", "storage_gb", "MiB")
            .map("Total disk capacity MB", "storage_gb", "MB")
            .map("Primary IP Address", "ip_addresses")
            // The guest's own name as VMware Tools reports it (short or FQDN); the hostname field accepts both.
            .map("DNS Name", "hostname")
            .map("OS according to the configuration file", "operating_system")
            // What the guest reports is often blank (no Tools); the configured OS is always there, so it wins.
            .fallback("OS according to the VMware Tools", "operating_system", "OS according to the configuration file")
            .map("Datacenter", "location")
            .map("VM UUID", "external_id")
            .pattern("network\\d+", MappingTargets.ATTRIBUTES, null, false)
            .attributes("Template, SRM Placeholder, Config status, Connection state, Guest state, Heartbeat,"
                    + " Consolidation Needed, PowerOn, Suspended To Memory, Suspend time, Suspend Interval, Creation date,"
                    + " Change Version, Overall Cpu Readiness, Active Memory, NICs, Disks, Fixed Passthru HotPlug,"
                    + " min Required EVC Mode Key, Latency Sensitivity, Op Notification Timeout, EnableUUID, CBT,"
                    + " Num Monitors, Video Ram KiB, Video Ram KB, Resource pool, Folder ID, Folder, vApp, DAS protection,"
                    + " FT State, FT Role, FT Latency, FT Bandwidth, FT Sec. Latency, Vm Failover In Progress,"
                    + " Provisioned MiB, In Use MiB, Unshared MiB, Provisioned MB, In Use MB, Unshared MB,"
                    + " HA Restart Priority, HA Isolation Response, HA VM Monitoring, Cluster rule(s),"
                    + " Cluster rule name(s), Boot Required, Boot delay, Boot retry delay, Boot retry enabled,"
                    + " Boot BIOS setup, Reboot PowerOff, EFI Secure boot, Firmware, HW version, HW upgrade status,"
                    + " HW upgrade policy, HW target, Path, Log directory, Snapshot directory, Suspend directory,"
                    + " Annotation, Cluster, Host, Customization Info, Guest Detailed Data, VM ID, SMBIOS UUID,"
                    + " VM SMBIOS UUID, VM Instance UUID, VI SDK Server type, VI SDK API Version, VI SDK Server,"
                    + " VI SDK UUID, vInfoVMName")
            .build();

    private RvToolsFormat() {
    }
}
