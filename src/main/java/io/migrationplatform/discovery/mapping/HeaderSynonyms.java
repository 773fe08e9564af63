package io.migrationplatform.discovery.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The synonym table: header spellings seen in CMDB, ServiceNow, spreadsheet and monitoring exports, by target.
 * Entries are compared in compact form (no "_"), so "host_name", "Host Name" and "HostName" are one entry.
 */
final class HeaderSynonyms {

    /**
     * Columns naming the machine on the network. Their target is "hostname" when the table also has a name-like
     * column; when it has none, {@link MappingSuggester} maps the best of them to "name" instead (an asset needs a
     * name, and the importer reuses a host-like name column as the hostname — see
     * {@link MappingSuggestion#hostnameColumn()}).
     */
    private static final String HOST_LIKE = "host, hostname, host_name, server, server_name, computer, computer_name,"
            + " computername, machine, machine_name, node, node_name, netbios_name, dns_hostname, guest_hostname";

    // Target → its spellings. The canonical name is listed where exports commonly use it verbatim, so that it is
    // recognised at synonym confidence whatever its punctuation; canonical names left out are still caught by the
    // normalized-name rule.
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("name", "name, asset_name, asset, device_name, device, ci_name, ci, vm, vm_name, virtual_machine,"
                + " virtual_machine_name, display_name, instance_name, resource_name, system_name, server_display_name");
        TABLE.put("hostname", HOST_LIKE);
        TABLE.put("fqdn", "fqdn, dns_name, dns, fully_qualified_domain_name, fully_qualified_name");
        TABLE.put("ip_addresses", "ip, ips, ip_address, ip_addresses, ipaddress, ip_addr, primary_ip, primary_ip_address,"
                + " ipv4, ipv4_address, private_ip, private_ip_address, management_ip, ip_address_list, ip_list");
        TABLE.put("operating_system", "os, os_name, operating_system, operating_system_name, platform, guest_os,"
                + " os_family");
        TABLE.put("os_version", "os_version, operating_system_version, os_release, os_ver");
        TABLE.put("cpu_cores", "cpu, cpus, cpu_count, vcpu, vcpus, vcpu_count, cores, core_count, num_cpu, num_cpus,"
                + " num_cores, number_of_cpus, number_of_cores, number_of_processors, logical_processors, processors,"
                + " processor_count, cpu_core_count");
        TABLE.put("memory_gb", "ram, memory, memory_gb, mem, ram_gb, total_memory, total_ram, memory_size, ram_size,"
                + " physical_memory, allocated_memory, memory_total");
        TABLE.put("storage_gb", "disk, disks_size, storage, storage_gb, disk_size, total_disk, total_disk_size,"
                + " disk_space, disk_capacity, total_storage, allocated_storage, storage_capacity, disk_gb");
        TABLE.put("environment", "env, environment, stage, lifecycle, lifecycle_stage, environment_type, used_for,"
                + " deployment_environment");
        TABLE.put("criticality", "criticality, priority, business_criticality, busines_criticality, importance,"
                + " criticality_tier, business_impact, service_tier, business_tier, sla_tier");
        TABLE.put("asset_type", "type, ci_type, asset_type, class, ci_class, sys_class_name, device_type, category,"
                + " asset_class, resource_type, asset_category, device_category");
        TABLE.put("status", "status, state, power_state, powerstate, operational_status, operational_state,"
                + " install_status, lifecycle_status, asset_status, vm_state, machine_status");
        TABLE.put("location", "location, site, site_name, datacenter, data_center, dc, region, facility,"
                + " hosting_location, physical_location");
        TABLE.put("department", "department, dept, business_unit, bu, cost_center, cost_centre, division");
        TABLE.put("business_owner", "owner, business_owner, owned_by, asset_owner, app_owner, application_owner,"
                + " business_contact, service_owner");
        TABLE.put("technical_owner", "technical_owner, tech_owner, managed_by, support_group, assignment_group,"
                + " support_team, supported_by, it_owner, system_owner, administrator, admin, technical_contact");
        TABLE.put("application_name", "application, applications, app, app_name, application_name, service,"
                + " service_name, business_service, business_application");
        TABLE.put("dependencies", "dependencies, depends_on, dependency, dependent_on, upstream, upstream_dependencies,"
                + " connected_to, connects_to, relationships, relations, related_assets, related_cis");
        TABLE.put("external_id", "asset_id, id, ci_id, external_id, sys_id, device_id, serial, serial_number,"
                + " asset_tag, server_id, vm_id, machine_id, instance_id, resource_id, uuid, asset_number, cmdb_id");
        TABLE.put("tags", "tags, tag, labels, label, keywords");
        TABLE.put("database_type", "database, db, db_type, database_type, db_engine, database_engine, dbms");
        TABLE.put("database_version", "db_version, db_engine_version, database_engine_version, dbms_version");
        TABLE.put("technology_stack", "tech_stack, technology, technologies, runtime, stack, middleware, software_stack");
        TABLE.put("cpu_utilization_pct", "cpu_utilization, cpu_utilisation, cpu_util, cpu_usage, cpu_utilization_pct,"
                + " cpu_utilization_percentage, cpu_usage_pct, cpu_pct, cpu_percent, avg_cpu, avg_cpu_utilization");
        TABLE.put("memory_utilization_pct", "memory_utilization, memory_utilisation, mem_util, memory_usage,"
                + " memory_utilization_pct, memory_utilization_percentage, memory_usage_pct, memory_pct, ram_usage,"
                + " ram_utilization, avg_memory_utilization");
        TABLE.put("migration_wave", "migration_wave, wave, wave_number, migration_wave_number, move_wave");
        TABLE.put("six_r_strategy", "6r, 6r_strategy, 7r, six_r, strategy, migration_strategy, r_strategy,"
                + " disposition, migration_disposition, treatment");
        // Recognised columns that have no canonical field: kept as attributes on purpose, and listed so that fuzzy
        // matching cannot pull them into a near-spelled field ("status_code" is one edit-chain from "status").
        // status_code/health_status: values like UP/DOWN are reachability, not the asset lifecycle statuses
        // (active/inactive/migrating/decommissioned) — mapping DOWN to inactive would be a guess.
        // tier: means environment in some exports, criticality in others, app layer (web/app/db) in more; no guess.
        TABLE.put("attributes", "description, desc, notes, note, comments, comment, remarks, annotation, short_description,"
                + " status_code, health_status, health, tier, last_updated, last_modified, updated_at, updated,"
                + " created_at, created, created_on, created_date, last_seen, last_discovered, last_scan,"
                + " last_health_check, uptime, uptime_hours, uptime_days, mac_address, mac, model, manufacturer,"
                + " vendor, make");
    }

    private static final Map<String, String> BY_SPELLING = index();
    private static final Set<String> HOST_SPELLINGS = spellings(HOST_LIKE);

    private HeaderSynonyms() {
    }

    /** The target of a spelling (any normalised or compact form), or null. */
    static String target(String normalised) {
        return BY_SPELLING.get(HeaderKey.compact(normalised));
    }

    /** Every known spelling (compact) with its target: the candidates of fuzzy matching. */
    static Map<String, String> all() {
        return BY_SPELLING;
    }

    static boolean isHostLike(HeaderKey header) {
        return HOST_SPELLINGS.contains(header.compactKey()) || HOST_SPELLINGS.contains(header.compactFull());
    }

    private static Map<String, String> index() {
        Map<String, String> index = new HashMap<>();
        TABLE.forEach((target, list) -> {
            if (!MappingTargets.isValid(target)) {
                throw new IllegalStateException("synonym table names an unknown target: " + target);
            }
            for (String spelling : spellings(list)) {
                String previous = index.putIfAbsent(spelling, target);
                if (previous != null && !previous.equals(target)) {
                    // One spelling, two meanings: the table itself is wrong, fail at class load, not at import.
                    throw new IllegalStateException("synonym '" + spelling + "' maps to " + previous + " and " + target);
                }
            }
        });
        return Map.copyOf(index);
    }

    private static Set<String> spellings(String list) {
        return Stream.of(list.split(",")).map(String::strip).map(HeaderKey::normalise).map(HeaderKey::compact)
                .collect(Collectors.toUnmodifiableSet());
    }
}
