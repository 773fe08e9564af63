package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each known export, from its own header row, mapped by its own table. */
class KnownFormatsTest {

    @Test
    void azureMigrateImportTemplate() {
        MappingSuggestion suggestion = ExpectedMappings.assertSuggestion("""
                *Server name                             | name                   | known_source_format | -
                IP addresses                             | ip_addresses           | known_source_format | -
                *Cores                                   | cpu_cores              | known_source_format | -
                *Memory (In MB)                          | memory_gb              | known_source_format | MB
                *OS name                                 | operating_system       | known_source_format | -
                OS version                               | os_version             | known_source_format | -
                OS architecture                          | attributes             | known_source_format | -
                Server type                              | attributes             | known_source_format | -
                Hypervisor                               | attributes             | known_source_format | -
                CPU utilization percentage               | cpu_utilization_pct    | known_source_format | -
                Memory utilization percentage            | memory_utilization_pct | known_source_format | -
                Network adapters                         | attributes             | known_source_format | -
                Network In throughput                    | attributes             | known_source_format | -
                Network Out throughput                   | attributes             | known_source_format | -
                Boot type                                | attributes             | known_source_format | -
                Number of disks                          | attributes             | known_source_format | -
                Storage in use (In GB)                   | attributes             | known_source_format | -
                Disk 1 size (In GB)                      | storage_gb             | known_source_format | GB
                Disk 1 read throughput (MB per second)   | attributes             | known_source_format | -
                Disk 1 write throughput (MB per second)  | attributes             | known_source_format | -
                Disk 1 read ops (operations per second)  | attributes             | known_source_format | -
                Disk 1 write ops (operations per second) | attributes             | known_source_format | -
                Disk 2 size (In GB)                      | storage_gb             | known_source_format | GB
                Disk 2 read ops (operations per second)  | attributes             | known_source_format | -
                Disk 3 size (In GB)                      | storage_gb             | known_source_format | GB
                """, MappingSuggestion.AZURE_MIGRATE);

        assertThat(suggestion.sourceTypeConfidence()).isGreaterThan(0.9);
        assertThat(suggestion.forTarget("storage_gb")).extracting(ColumnMapping::sourceColumn)
                .containsExactly("Disk 1 size (In GB)", "Disk 2 size (In GB)", "Disk 3 size (In GB)");
        assertThat(suggestion.forTarget("storage_gb")).allSatisfy(m -> assertThat(m.confidence()).isEqualTo(0.98));
        // "*Server name" is the name and, being host-like, the hostname too — one mapping, no invented second one.
        assertThat(suggestion.forTarget("hostname")).isEmpty();
        assertThat(suggestion.hostnameColumn()).contains("*Server name");
    }

    @Test
    void rvtoolsVInfo() {
        MappingSuggestion suggestion = ExpectedMappings.assertSuggestion("""
                VM                                     | name             | known_source_format | -
                Powerstate                             | status           | known_source_format | -
                Template                               | attributes       | known_source_format | -
                SRM Placeholder                        | attributes       | known_source_format | -
                Config status                          | attributes       | known_source_format | -
                DNS Name                               | hostname         | known_source_format | -
                Connection state                       | attributes       | known_source_format | -
                Guest state                            | attributes       | known_source_format | -
                Heartbeat                              | attributes       | known_source_format | -
                CPUs                                   | cpu_cores        | known_source_format | -
                Memory                                 | memory_gb        | known_source_format | MiB
                NICs                                   | attributes       | known_source_format | -
                Disks                                  | attributes       | known_source_format | -
                Total disk capacity MiB                | storage_gb       | known_source_format | MiB
                Primary IP Address                     | ip_addresses     | known_source_format | -
                Network #1                             | attributes       | known_source_format | -
                Network #2                             | attributes       | known_source_format | -
                Resource pool                          | attributes       | known_source_format | -
                Folder                                 | attributes       | known_source_format | -
                Provisioned MiB                        | attributes       | known_source_format | -
                In Use MiB                             | attributes       | known_source_format | -
                Unshared MiB                           | attributes       | known_source_format | -
                Annotation                             | attributes       | known_source_format | -
                Datacenter                             | location         | known_source_format | -
                Cluster                                | attributes       | known_source_format | -
                Host                                   | attributes       | known_source_format | -
                OS according to the configuration file | operating_system | known_source_format | -
                OS according to the VMware Tools       | attributes       | known_source_format | -
                VM ID                                  | attributes       | known_source_format | -
                SMBIOS UUID                            | attributes       | known_source_format | -
                VM UUID                                | external_id      | known_source_format | -
                VI SDK Server                          | attributes       | known_source_format | -
                VI SDK UUID                            | attributes       | known_source_format | -
                """, MappingSuggestion.RVTOOLS);

        assertThat(suggestion.hostnameColumn()).contains("DNS Name");
    }

    @Test
    void rvtoolsFallsBackToTheVmwareToolsOsWhenTheConfiguredOneIsMissing() {
        ExpectedMappings.assertSuggestion("""
                VM                               | name             | known_source_format | -
                Powerstate                       | status           | known_source_format | -
                CPUs                             | cpu_cores        | known_source_format | -
                Memory                           | memory_gb        | known_source_format | MiB
                In Use MiB                       | attributes       | known_source_format | -
                OS according to the VMware Tools | operating_system | known_source_format | -
                Host                             | attributes       | known_source_format | -
                Owner                            | business_owner   | known_synonym       | -
                """, MappingSuggestion.RVTOOLS);
    }

    @Test
    void googleMigrationCenterVmInfo() {
        ExpectedMappings.assertSuggestion("""
                MachineId                       | external_id      | known_source_format | -
                MachineName                     | name             | known_source_format | -
                PrimaryIPAddress                | ip_addresses     | known_source_format | -
                PrimaryMACAddress               | attributes       | known_source_format | -
                PublicIPAddress                 | attributes       | known_source_format | -
                IpAddressListSemiColonDelimited | attributes       | known_source_format | -
                TotalDiskAllocatedGiB           | storage_gb       | known_source_format | GiB
                TotalDiskUsedGiB                | attributes       | known_source_format | -
                MachineTypeLabel                | attributes       | known_source_format | -
                AllocatedProcessorCoreCount     | cpu_cores        | known_source_format | -
                MemoryGiB                       | memory_gb        | known_source_format | GiB
                HostingLocation                 | location         | known_source_format | -
                OsType                          | attributes       | known_source_format | -
                OsName                          | operating_system | known_source_format | -
                OsVersion                       | os_version       | known_source_format | -
                MachineStatus                   | status           | known_source_format | -
                CreateDate                      | attributes       | known_source_format | -
                IsPhysical                      | attributes       | known_source_format | -
                """, MappingSuggestion.GOOGLE_MIGRATION_CENTER);
    }

    @Test
    void googleIpListStandsInForAMissingPrimaryAddressAndOptionalMarkersAreIgnored() {
        ExpectedMappings.assertSuggestion("""
                MachineId                                 | external_id      | known_source_format | -
                MachineName                               | name             | known_source_format | -
                IpAddressListSemiColonDelimited(optional) | ip_addresses     | known_source_format | -
                TotalDiskAllocatedGiB                     | storage_gb       | known_source_format | GiB
                AllocatedProcessorCoreCount               | cpu_cores        | known_source_format | -
                MemoryGiB                                 | memory_gb        | known_source_format | GiB
                OsName                                    | operating_system | known_source_format | -
                """, MappingSuggestion.GOOGLE_MIGRATION_CENTER);
    }

    @Test
    void awsApplicationDiscoveryImportTemplate() {
        MappingSuggestion suggestion = ExpectedMappings.assertSuggestion("""
                ExternalId                     | external_id         | known_source_format | -
                SMBiosId                       | attributes          | known_source_format | -
                IPAddress                      | ip_addresses        | known_source_format | -
                MACAddress                     | attributes          | known_source_format | -
                HostName                       | name                | known_source_format | -
                VMware.MoRefId                 | attributes          | known_source_format | -
                VMware.VCenterId               | attributes          | known_source_format | -
                CPU.NumberOfProcessors         | attributes          | known_source_format | -
                CPU.NumberOfCores              | cpu_cores           | known_source_format | -
                CPU.NumberOfLogicalCores       | attributes          | known_source_format | -
                OS.Name                        | operating_system    | known_source_format | -
                OS.Version                     | os_version          | known_source_format | -
                VMware.VMName                  | attributes          | known_source_format | -
                RAM.TotalSizeInMB              | memory_gb           | known_source_format | MB
                RAM.UsedSizeInMB.Avg           | attributes          | known_source_format | -
                RAM.UsedSizeInMB.Max           | attributes          | known_source_format | -
                CPU.UsagePct.Avg               | cpu_utilization_pct | known_source_format | -
                CPU.UsagePct.Max               | attributes          | known_source_format | -
                DiskReadsPerSecondInKB.Avg     | attributes          | known_source_format | -
                DiskWritesPerSecondInKB.Avg    | attributes          | known_source_format | -
                DiskReadsOpsPerSecond.Max      | attributes          | known_source_format | -
                NetworkReadsPerSecondInKB.Avg  | attributes          | known_source_format | -
                NetworkWritesPerSecondInKB.Max | attributes          | known_source_format | -
                Applications                   | application_name    | known_source_format | -
                ApplicationWave                | migration_wave      | known_source_format | -
                Tags                           | tags                | known_source_format | -
                ServerId                       | attributes          | known_source_format | -
                """, MappingSuggestion.AWS_APPLICATION_DISCOVERY);

        // The template has no name column: HostName (its table target is hostname) becomes the name, and the
        // importer reads the hostname from the same column.
        assertThat(suggestion.forColumn("HostName").orElseThrow().note()).isEqualTo(MappingSuggester.HOST_AS_NAME_NOTE);
        assertThat(suggestion.hostnameColumn()).contains("HostName");
    }

    @Test
    void twoCharacteristicHeadersAreNotEnoughToClaimAFormat() {
        // "Powerstate" and "Template" are RVTools', but two can be coincidence: the generic rules apply.
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Name", "Powerstate", "Template", "Host"));

        assertThat(suggestion.sourceType()).isEqualTo(MappingSuggestion.CMDB);
        assertThat(suggestion.sourceTypeConfidence()).isLessThan(0.8);
        assertThat(suggestion.forColumn("Powerstate").orElseThrow().reason()).isEqualTo(ColumnMapping.KNOWN_SYNONYM);
        assertThat(suggestion.forColumn("Host").orElseThrow().targetField()).isEqualTo("hostname");
    }

    @Test
    void aTableWithNoSignatureHeaderIsAGenericCmdbWithTheDefaultConfidence() {
        MappingSuggestion suggestion = MappingSuggester.suggest(List.of("Name", "IP", "OS"));

        assertThat(suggestion.sourceType()).isEqualTo(MappingSuggestion.CMDB);
        assertThat(suggestion.sourceTypeConfidence()).isEqualTo(0.8);
    }

    @Test
    void everyFormatTableNamesOnlyValidTargets() {
        for (KnownFormat format : KnownFormats.ALL) {
            assertThat(format.rules()).allSatisfy(rule -> assertThat(MappingTargets.isValid(rule.target())).isTrue());
            assertThat(format.characteristic()).hasSizeGreaterThanOrEqualTo(KnownFormats.MIN_HITS);
        }
    }
}
